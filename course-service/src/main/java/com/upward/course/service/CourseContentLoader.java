package com.upward.course.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.course.config.CourseConfig;
import com.upward.course.content.CourseDocument;
import com.upward.platform.web.ContentFile;
import com.upward.platform.web.errors.DomainException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * Loads the course files kept in the repository into PostgreSQL at start. A version already loaded with
 * the same content is left alone, so loading again changes nothing.
 */
@ApplicationScoped
public class CourseContentLoader {

    private static final Logger LOG = Logger.getLogger(CourseContentLoader.class);

    @Inject
    CourseConfig config;

    @Inject
    CoursePublisher publisher;

    @Inject
    ObjectMapper mapper;

    void onStart(@Observes StartupEvent event) {
        for (String file : config.contentFiles()) {
            load(file);
        }
    }

    public CoursePublisher.Outcome load(String classpathLocation) {
        byte[] content = ContentFile.read(classpathLocation, "Course file").bytes();
        CourseDocument course;
        try {
            course = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(content, CourseDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("Course file " + classpathLocation + " is not a valid course: " + e.getMessage(), e);
        }
        try {
            CoursePublisher.Outcome outcome = publisher.publish(course, ContentFile.sha256(content));
            LOG.infof("Course %s version %d from %s: %s", course.courseId(), course.version(), classpathLocation, outcome);
            return outcome;
        } catch (DomainException e) {
            throw new IllegalStateException("Course file " + classpathLocation + " was not loaded: " + e.getMessage(), e);
        }
    }
}
