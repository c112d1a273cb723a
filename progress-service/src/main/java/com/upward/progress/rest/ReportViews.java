package com.upward.progress.rest;

import com.upward.platform.events.contract.PowerType;
import com.upward.progress.rest.ProgressViews.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON answers of the admin reports; {@link ReportMapper} makes them. Their simple names are the OpenAPI schema
 * names (the report summary is {@code Summary1}, after the xAPI delivery's {@code Summary}).
 */
public final class ReportViews {

    public record Summary(String orgId, String courseId, long enrolled, long started, long completed,
                          double completionRate, Double averageScore, Double bestScore, Double passRate, long overdue) {
    }

    public record FunnelStep(String lessonId, String title, Integer position, long learners) {
    }

    public record Funnel(String courseId, long enrolled, List<FunnelStep> lessons) {
    }

    public record Mastery(PowerType powerType, boolean positionPower, long learners, long mastered,
                          Double masteryRate, Double percentCorrect) {
    }

    public record WeekCount(LocalDate weekStarting, long completions) {
    }

    /** One learner and course of the learner list and its CSV export. */
    public record LearnerRow(String learnerId, String name, String courseId, Status status, int percent,
                             int lessonsCompleted, int lessonsTotal, Double score, Double bestScore, boolean quizzesPassed,
                             Instant enrolledAt, LocalDate dueDate, Instant startedAt, Instant lastActivityAt,
                             Instant completedAt) {
    }

    private ReportViews() {
    }
}
