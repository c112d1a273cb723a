package com.upward.platform.events.contract;

import com.upward.platform.events.UpwardEvent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Instant;
import java.util.Map;

/**
 * An attempt at a quiz was scored on the server, with the score per power type, and the learner's grade
 * at that quiz after it: assessment owns grading, so consumers take the graded attempt from here and never
 * choose one themselves.
 */
public record QuizAttemptScored(
        @NotBlank String attemptId,
        @NotBlank String learnerId,
        @NotBlank String orgId,
        @NotBlank String quizId,
        @NotBlank String courseId,
        @Positive int attemptNumber,
        @PositiveOrZero double score,
        @Positive double maxScore,
        @Min(0) @Max(100) double percent,
        boolean passed,
        @NotNull Map<PowerType, PowerScore> byPowerType,
        @NotNull Instant submittedAt,
        @NotNull GradingMethod gradingMethod,
        @NotBlank String gradedAttemptId,
        @Min(0) @Max(100) double gradedPercent,
        boolean gradedPassed) implements UpwardEvent {

    public static final String TYPE = "upward.quiz.attempt-scored";

    /** How a learner's scored attempts at one quiz become one grade: the best one, or the latest one. */
    public enum GradingMethod { HIGHEST, LAST }

    /** Correct and total questions of one power type in the attempt, and whether that counts as mastered. */
    public record PowerScore(@PositiveOrZero double correct, @PositiveOrZero int total, boolean mastered) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventTopic() {
        return Topics.ASSESSMENT;
    }

    @Override
    public String eventKey() {
        return learnerId;
    }

    @Override
    public String eventSubject() {
        return "quizzes/" + quizId + "/attempts/" + attemptId;
    }
}
