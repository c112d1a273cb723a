package com.upward.platform.events.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;

/**
 * A learner finished a piece of practice: a spaced practice set on one power type ({@code SPACED_SET}: its percent,
 * whether it counted as mastered, the Leitner box it moved to and when the next set is due, null once it left the
 * boxes), or a planned upward conversation marked as held ({@code CONVERSATION}: the plan and the powers it drew on).
 * Practice never changes a graded result; assessment owns the schedule, so consumers take {@code nextDueAt} from here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PracticeCompleted(
        @NotBlank String practiceId,
        @NotBlank String learnerId,
        @NotBlank String orgId,
        @NotBlank String courseId,
        @NotNull Kind kind,
        PowerType powerType,
        @Min(0) @Max(100) Double percent,
        Boolean mastered,
        Integer box,
        Instant nextDueAt,
        List<PowerType> powerTypesDrawnOn,
        @NotNull Instant completedAt) implements AssessmentEvent {

    public static final String TYPE = "upward.practice.completed";

    public enum Kind { SPACED_SET, CONVERSATION }

    public static PracticeCompleted spacedSet(String sessionId, String learnerId, String orgId, String courseId,
                                              PowerType powerType, double percent, boolean mastered, int box,
                                              Instant nextDueAt, Instant completedAt) {
        return new PracticeCompleted(sessionId, learnerId, orgId, courseId, Kind.SPACED_SET, powerType, percent, mastered,
                box, nextDueAt, null, completedAt);
    }

    public static PracticeCompleted conversation(String planId, String learnerId, String orgId, String courseId,
                                                 List<PowerType> drawnOn, Instant heldAt) {
        return new PracticeCompleted(planId, learnerId, orgId, courseId, Kind.CONVERSATION, null, null, null, null, null,
                List.copyOf(drawnOn), heldAt);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return (kind == Kind.CONVERSATION ? "conversation-plans/" : "practice-sessions/") + practiceId;
    }
}
