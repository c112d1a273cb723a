package com.upward.assessment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.upward.assessment.rest.AttemptViews.QuestionView;
import com.upward.assessment.rest.AttemptViews.Result;
import com.upward.assessment.rest.AttemptViews.SavedAnswer;
import com.upward.platform.events.contract.PowerType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.util.List;

/** Requests and answers of the spaced-practice API. Before submission nothing here carries a key or feedback. */
public final class PracticeViews {

    /** Which card to practise: the course and the power type. */
    public record StartRequest(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,80}", message = "must be 1-80 lowercase letters, digits or dashes") String courseId,
                               @NotNull PowerType powerType) {
    }

    /** The learner's cards and how many are due now. */
    public record Practice(int dueNow, List<Card> cards) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String courseId, PowerType powerType, int box, boolean mastered, Instant dueAt, boolean due,
                       boolean overdue, Double lastPercent, Instant lastPracticedAt, String openSessionId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PracticeSet(String id, String courseId, PowerType powerType, int box, String status, Instant startedAt,
                              Instant submittedAt, List<QuestionView> questions, List<SavedAnswer> savedAnswers,
                              Result result, Outcome outcome) {
    }

    /** What the set did to the card: the type's percent in it, and the box and due date it moved to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(double percent, boolean mastered, int box, boolean leftTheBoxes, Instant nextDueAt) {
    }

    private PracticeViews() {
    }
}
