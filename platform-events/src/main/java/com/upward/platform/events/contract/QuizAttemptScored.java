package com.upward.platform.events.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Instant;
import java.util.List;
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
        boolean gradedPassed,
        Instant startedAt,
        List<@Valid AnsweredQuestion> answers) implements AssessmentEvent {

    public static final String TYPE = "upward.quiz.attempt-scored";

    /** How a learner's scored attempts at one quiz become one grade: the best one, or the latest one. */
    public enum GradingMethod { HIGHEST, LAST }

    /**
     * The attempt without the per-question fields added later (startedAt, answers): events written before them,
     * and producers that do not know them, still read and validate.
     */
    public QuizAttemptScored(String attemptId, String learnerId, String orgId, String quizId, String courseId,
                             int attemptNumber, double score, double maxScore, double percent, boolean passed,
                             Map<PowerType, PowerScore> byPowerType, Instant submittedAt, GradingMethod gradingMethod,
                             String gradedAttemptId, double gradedPercent, boolean gradedPassed) {
        this(attemptId, learnerId, orgId, quizId, courseId, attemptNumber, score, maxScore, percent, passed, byPowerType,
                submittedAt, gradingMethod, gradedAttemptId, gradedPercent, gradedPassed, null, null);
    }

    /** How a question is answered: options chosen (one or several), or each item matched with one option. */
    public enum Interaction { CHOICE, MATCHING }

    /**
     * One question of the attempt as shown, the learner's answer and its key, so an LMS can report item by item
     * (xAPI cmi.interaction). CHOICE: {@code correctOptionIds} and {@code chosenOptionIds}; MATCHING: {@code items},
     * {@code correctMatches} and {@code chosenMatches} (item id to option id). {@code score} is the question's
     * fraction of a point, 0 to 1.
     */
    public record AnsweredQuestion(
            @NotBlank String questionId,
            String prompt,
            @NotNull Interaction interaction,
            @NotNull List<Choice> options,
            List<Choice> items,
            List<String> correctOptionIds,
            List<String> chosenOptionIds,
            Map<String, String> correctMatches,
            Map<String, String> chosenMatches,
            @Min(0) @Max(1) double score) {
    }

    /** An option or a matching item: its id and its text. */
    public record Choice(@NotBlank String id, String text) {
    }

    /** Correct and total questions of one power type in the attempt, and whether that counts as mastered. */
    public record PowerScore(@PositiveOrZero double correct, @PositiveOrZero int total, boolean mastered) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "quizzes/" + quizId + "/attempts/" + attemptId;
    }
}
