package com.upward.progress.rest;

import com.upward.progress.rest.ProgressViews.Status;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The admin reports' JSON answers that differ from the service's records: a learner row names the API's
 * {@code Status}; {@link ReportMapper} makes it. The summary, funnel, mastery and weekly counts are
 * {@code service/ReportQueries}' records as they are. Their simple names are the OpenAPI schema names (the report
 * summary is {@code Summary1}, after the xAPI delivery's {@code Summary}).
 */
public final class ReportViews {

    /** One learner and course of the learner list and its CSV export. */
    public record LearnerRow(String learnerId, String name, String courseId, Status status, int percent,
                             int lessonsCompleted, int lessonsTotal, Double score, Double bestScore, boolean quizzesPassed,
                             Instant enrolledAt, LocalDate dueDate, Instant startedAt, Instant lastActivityAt,
                             Instant completedAt) {
    }

    private ReportViews() {
    }
}
