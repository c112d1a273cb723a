package com.upward.assessment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.upward.platform.events.contract.PowerType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Requests and answers of the conversation planner. */
public final class ConversationPlanViews {

    private static final int TEXT = 2000;

    /** A plan as written: only the title is needed, so a learner can save a draft and come back to it. */
    public record PlanRequest(@NotBlank @Size(max = 120) String title,
                              @Valid AnswersInput answers,
                              @Size(max = 4) List<@NotNull PowerType> powers,
                              @Valid TipsInput tips,
                              @Pattern(regexp = "SHARE|HELP", message = "must be SHARE or HELP") String opening) {
    }

    /** Answers to the interview's questions for first-timers. */
    public record AnswersInput(@Size(max = TEXT) String motive, @Size(max = TEXT) String outcome,
                               @Size(max = TEXT) String helpsOthers, @Size(max = TEXT) String helpsThem,
                               @Size(max = TEXT) String atRisk) {
    }

    /** How each of the four tips to engage will be applied. */
    public record TipsInput(@Size(max = TEXT) String understanding, @Size(max = TEXT) String teamPlayer,
                            @Size(max = TEXT) String organised, @Size(max = TEXT) String relationship) {
    }

    public record HeldRequest(@NotBlank @Size(max = 1000) String reflection) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Plan(String id, String courseId, String title, Answers answers, List<PowerType> powers, Tips tips,
                       String opening, String openingText, String status, Instant heldAt, String reflection,
                       Instant createdAt, Instant updatedAt) {
    }

    public record Answers(String motive, String outcome, String helpsOthers, String helpsThem, String atRisk) {
    }

    public record Tips(String understanding, String teamPlayer, String organised, String relationship) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanSummary(String id, String title, String status, List<PowerType> powers, String opening,
                              Instant updatedAt, Instant heldAt) {
    }

    public record Plans(List<PlanSummary> plans, int held) {
    }

    public record Guide(List<Question> questions, List<Tip> tips, List<Opening> openings, List<Power> powers,
                        String reminder, Map<PowerType, PowerProfileViews.TypeResult> powerProfile,
                        List<PowerType> strongest) {
    }

    public record Question(String id, String text) {
    }

    public record Tip(String id, String title, String advice) {
    }

    public record Opening(String id, String text) {
    }

    public record Power(PowerType powerType, String name, String description) {
    }

    private ConversationPlanViews() {
    }
}
