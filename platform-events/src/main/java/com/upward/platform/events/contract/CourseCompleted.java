package com.upward.platform.events.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** A learner completed a course: every required lesson done, every required quiz passed; a certificate issued. */
public record CourseCompleted(
        @NotBlank String learnerId,
        @NotBlank String orgId,
        @NotBlank String courseId,
        @NotNull Instant completedAt,
        @Min(0) @Max(100) double finalPercent,
        @NotBlank String certificateId) implements LearnerEvent {

    public static final String TYPE = "upward.course.completed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventTopic() {
        return Topics.PROGRESS;
    }

    @Override
    public String eventSubject() {
        return "courses/" + courseId + "/certificates/" + certificateId;
    }
}
