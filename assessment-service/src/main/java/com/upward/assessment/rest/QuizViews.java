package com.upward.assessment.rest;

import java.time.Instant;
import java.util.List;

/** The JSON answers of the quiz API. Never carries answer keys. */
public final class QuizViews {

    /**
     * A quiz's settings and this learner's attempts at it. {@code courseVersion}, {@code required} and
     * {@code unlockedBy} come from the newest published course version (null/empty when none placed it);
     * {@code attemptsAllowed} and {@code timeLimitMinutes} are null when unlimited.
     */
    public record QuizSettings(String id, String title, String kind, String courseId, Integer courseVersion,
                               int passPercent, boolean required, List<String> unlockedBy, int questionCount,
                               Integer attemptsAllowed, int minutesBetweenAttempts, Integer timeLimitMinutes,
                               String grading, String review, MyAttempts myAttempts) {
    }

    /**
     * The caller's attempts: how many used and left, an open one to resume, when the next may start, and the
     * grade by the quiz's grading method (highest or last scored attempt).
     */
    public record MyAttempts(int used, Integer remaining, String openAttemptId, Instant nextAttemptAvailableAt,
                             Double gradePercent, Boolean passed, List<AttemptSummary> attempts) {
    }

    public record AttemptSummary(String id, int attemptNumber, String status, Instant startedAt, Instant submittedAt,
                                 Double percent, Boolean passed) {
    }

    private QuizViews() {
    }
}
