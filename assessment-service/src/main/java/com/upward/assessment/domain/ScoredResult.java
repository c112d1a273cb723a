package com.upward.assessment.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.upward.platform.events.contract.PowerType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scored attempt's result, as stored in {@code attempt.result}. That column held the API's
 * {@code AttemptViews.Result} until this record replaced it, so every field here keeps that record's name, type
 * and null handling: rows written before read unchanged, and no migration was needed (StoredAttemptShapeTest
 * checks both). The API's record may now change; this one may only gain fields with defaults.
 * <p>
 * Hibernate's JSON mapper is not the REST layer's: it would write an {@code Instant} as a number, so
 * {@code submittedAt} is pinned to the ISO-8601 text the column has always held.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoredResult(double score, double maxScore, double percent, int passPercent, boolean passed,
                           Map<PowerType, PowerScore> byPowerType, List<String> lessonsToRevisit,
                           List<QuestionResult> questions, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant submittedAt) {

    /** Points earned ({@code correct}) of {@code total} questions testing one power type. */
    public record PowerScore(double correct, int total, double percent, boolean mastered) {
    }

    public enum Outcome { CORRECT, PARTIAL, INCORRECT, UNANSWERED }

    /** One question's score and feedback: {@code selected} and {@code correctAnswer}, or for matching {@code matches}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionResult(String questionId, int number, String type, String prompt, String lessonId,
                                 List<String> powerTypes, double score, double maxScore, Outcome outcome,
                                 List<OptionFeedback> selected, List<OptionFeedback> correctAnswer,
                                 List<MatchFeedback> matches) {
    }

    public record OptionFeedback(String optionId, String text, boolean correct, String feedback) {
    }

    public record MatchFeedback(String itemId, String itemText, String chosenOptionId, String correctOptionId,
                                boolean correct, String feedback) {
    }

    /** What a quiz whose review is {@code NEVER} shows: the scores, without feedback, right answers or lessons. */
    public ScoredResult scoresOnly() {
        return new ScoredResult(score, maxScore, percent, passPercent, passed, byPowerType, null, null, submittedAt);
    }
}
