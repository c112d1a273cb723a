package com.upward.assessment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.upward.platform.events.contract.PowerType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Requests and answers of the attempt API. Before submission nothing here carries a key or feedback. */
public final class AttemptViews {

    /** Answers to save or submit. Matching questions use {@code matches} (item id to option id). */
    public record AnswersRequest(@NotNull @Size(max = 100) List<@NotNull @Valid AnswerInput> answers) {
    }

    public record AnswerInput(@NotBlank @Size(max = 80) String questionId,
                              @Size(max = 20) List<@NotBlank @Size(max = 80) String> optionIds,
                              @Size(max = 20) Map<@NotBlank @Size(max = 80) String, @NotBlank @Size(max = 80) String> matches) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(String id, String quizId, String courseId, int attemptNumber, String status,
                              Instant startedAt, Instant deadline, Instant submittedAt,
                              List<QuestionView> questions, List<SavedAnswer> savedAnswers, Result result) {
    }

    /** A question as the learner sees it while answering: no power types (they would give scenarios away). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(String id, int number, String type, String prompt, List<Choice> options, List<Choice> items) {
    }

    public record Choice(String id, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavedAnswer(String questionId, List<String> optionIds, Map<String, String> matches) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(double score, double maxScore, double percent, int passPercent, boolean passed,
                         Map<PowerType, PowerScore> byPowerType, List<String> lessonsToRevisit,
                         List<QuestionResult> questions, Instant submittedAt) {
    }

    public record PowerScore(double correct, int total, double percent, boolean mastered) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionResult(String questionId, int number, String type, String prompt, String lessonId,
                                 List<String> powerTypes, double score, double maxScore, String outcome,
                                 List<OptionFeedback> selected, List<OptionFeedback> correctAnswer,
                                 List<MatchFeedback> matches) {
    }

    public record OptionFeedback(String optionId, String text, boolean correct, String feedback) {
    }

    public record MatchFeedback(String itemId, String itemText, String chosenOptionId, String correctOptionId,
                                boolean correct, String feedback) {
    }

    private AttemptViews() {
    }
}
