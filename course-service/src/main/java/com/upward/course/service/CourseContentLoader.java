package com.upward.course.service;

import com.upward.course.config.CourseConfig;
import com.upward.course.content.CourseDocument;
import com.upward.platform.web.ContentLoader;
import com.upward.platform.web.errors.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Loads the course files kept in the repository into PostgreSQL at start. A version already loaded with
 * the same content is left alone, so loading again changes nothing.
 */
@ApplicationScoped
public class CourseContentLoader extends ContentLoader<CourseDocument, CoursePublisher.Outcome> {

    private static final Logger LOG = Logger.getLogger(CourseContentLoader.class);

    @Inject
    CourseConfig config;

    @Inject
    CoursePublisher publisher;

    public CourseContentLoader() {
        super("Course file", CourseDocument.class, "a valid course");
    }

    @Override
    protected List<String> files() {
        return config.contentFiles();
    }

    @Override
    protected CoursePublisher.Outcome store(CourseDocument course, String sha256, String location) {
        try {
            CoursePublisher.Outcome outcome = publisher.publish(course, sha256);
            LOG.infof("Course %s version %d from %s: %s", course.courseId(), course.version(), location, outcome);
            return outcome;
        } catch (DomainException e) {
            throw new IllegalStateException("Course file " + location + " was not loaded: " + e.getMessage(), e);
        }
    }
}
