package com.upward.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.upward.gateway.client.AssessmentClient;
import com.upward.gateway.client.CourseClient;
import com.upward.gateway.client.ProgressClient;
import com.upward.gateway.client.SourceErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The three services the dashboard reads, each behind a time limit, a circuit breaker and a fallback that
 * marks its part unavailable. A service refusing the caller (4xx) is not a failure: it is relayed.
 * Limits can be changed per method by configuration, e.g.
 * {@code quarkus.fault-tolerance."com.upward.gateway.service.DashboardSources/outline".timeout.value=3000}.
 */
@ApplicationScoped
public class DashboardSources {

    private static final Logger LOG = Logger.getLogger(DashboardSources.class);

    @Inject
    @RestClient
    CourseClient course;

    @Inject
    @RestClient
    ProgressClient progress;

    @Inject
    @RestClient
    AssessmentClient assessment;

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = SourceErrors.Refused.class)
    @Fallback(fallbackMethod = "outlineUnavailable", skipOn = SourceErrors.Refused.class)
    public Section<JsonNode> outline(String bearer, String courseId) {
        return Section.available(course.outline(bearer, courseId));
    }

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = SourceErrors.Refused.class)
    @Fallback(fallbackMethod = "progressUnavailable", skipOn = SourceErrors.Refused.class)
    public Section<JsonNode> progress(String bearer) {
        return Section.available(progress.progress(bearer));
    }

    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = SourceErrors.Refused.class)
    @Fallback(fallbackMethod = "quizUnavailable", skipOn = SourceErrors.Refused.class)
    public Section<JsonNode> quiz(String bearer, String quizId) {
        return Section.available(assessment.quiz(bearer, quizId));
    }

    Section<JsonNode> outlineUnavailable(String bearer, String courseId, Throwable failure) {
        return unavailable("course-service", failure);
    }

    Section<JsonNode> progressUnavailable(String bearer, Throwable failure) {
        return unavailable("progress-service", failure);
    }

    Section<JsonNode> quizUnavailable(String bearer, String quizId, Throwable failure) {
        return unavailable("assessment-service", failure);
    }

    private static Section<JsonNode> unavailable(String service, Throwable failure) {
        LOG.warnf("%s unavailable for the dashboard: %s", service, failure.toString());
        return Section.unavailable("The " + service + " is not answering right now; this part will be back shortly.");
    }
}
