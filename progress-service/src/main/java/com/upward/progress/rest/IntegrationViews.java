package com.upward.progress.rest;

import java.time.Instant;

/** The JSON answers of the LMS integration API; {@link IntegrationMapper} makes them. */
public final class IntegrationViews {

    /** One issued certificate; certificateUrl is its public verification path. */
    public record Completion(String learnerId, String learnerName, String courseId, String courseTitle,
                             int courseVersion, Instant completedAt, double finalPercent, String certificateId,
                             String certificateUrl) {
    }

    private IntegrationViews() {
    }
}
