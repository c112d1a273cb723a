package com.upward.platform.events.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Instant;

/** A learner completed a lesson of a course version. */
public record LessonCompleted(
        @NotBlank String learnerId,
        @NotBlank String orgId,
        @NotBlank String courseId,
        @Positive int courseVersion,
        @NotBlank String lessonId,
        @NotNull Instant completedAt) implements LearnerEvent {

    public static final String TYPE = "upward.lesson.completed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventTopic() {
        return Topics.LEARNING;
    }

    @Override
    public String eventSubject() {
        return "courses/" + courseId + "/lessons/" + lessonId;
    }
}
