package com.upward.course.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.course.config.CourseConfig;
import com.upward.course.content.CourseDocument;
import com.upward.platform.web.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        byte[] content = read(classpathLocation);
        CourseDocument course;
        try {
            course = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(content, CourseDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("Course file " + classpathLocation + " is not a valid course: " + e.getMessage(), e);
        }
        try {
            CoursePublisher.Outcome outcome = publisher.publish(course, sha256(content));
            LOG.infof("Course %s version %d from %s: %s", course.courseId(), course.version(), classpathLocation, outcome);
            return outcome;
        } catch (ProblemException e) {
            throw new IllegalStateException("Course file " + classpathLocation + " was not loaded: " + e.getMessage(), e);
        }
    }

    private static byte[] read(String classpathLocation) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException("Course file " + classpathLocation + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read course file " + classpathLocation, e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
