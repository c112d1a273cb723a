package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument.Grading;
import com.upward.assessment.bank.BankDocument.Review;
import com.upward.assessment.domain.Attempt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A quiz's settings, merged from the bank and the newest published course version that places it, and the
 * caller's attempts at it. {@code courseVersion} is null and {@code unlockedBy} empty when no version places it;
 * {@code attemptsAllowed} and {@code timeLimitMinutes} are null when unlimited; {@code kind}, {@code grading} and
 * {@code review} are null for a quiz placed by a course but absent from the bank.
 */
public record QuizOverview(String id, String title, String kind, String courseId, Integer courseVersion,
                           int passPercent, boolean required, List<String> unlockedBy, int questionCount,
                           Integer attemptsAllowed, int minutesBetweenAttempts, Integer timeLimitMinutes,
                           Grading grading, Review review, MyAttempts myAttempts) {

    /**
     * How many attempts the caller used and has left, an open one to resume, when the next may start, and the grade
     * by the quiz's grading method.
     */
    public record MyAttempts(int used, Integer remaining, UUID openAttemptId, Instant nextAttemptAvailableAt,
                             Double gradePercent, Boolean passed, List<AttemptSummary> attempts) {
    }

    public record AttemptSummary(UUID id, int attemptNumber, Attempt.State state, Instant startedAt,
                                 Instant submittedAt, Double percent, Boolean passed) {
    }
}
