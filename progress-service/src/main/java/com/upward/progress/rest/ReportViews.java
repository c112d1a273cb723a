package com.upward.progress.rest;

import com.upward.progress.rest.ProgressViews.Status;

import java.time.Instant;
import java.time.LocalDate;

/** The JSON answers of the admin reports that differ from what the service returns; {@link ReportMapper} makes them. */
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
