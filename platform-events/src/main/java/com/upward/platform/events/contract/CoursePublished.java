package com.upward.platform.events.contract;

import com.upward.platform.events.UpwardEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Instant;
import java.util.List;

/** A new immutable version of a course, with its structure: what progress and assessment need to know. */
public record CoursePublished(
        @NotBlank String courseId,
        @Positive int version,
        @NotBlank String title,
        @NotNull Instant publishedAt,
        @NotEmpty List<@Valid Lesson> lessons,
        @NotNull List<@Valid Quiz> quizzes) implements UpwardEvent {

    public static final String TYPE = "upward.course.published";

    public record Lesson(@NotBlank String id, @NotBlank String module, @Min(1) int position,
                         @NotBlank String title, boolean required) {
    }

    public record Quiz(@NotBlank String id, @NotBlank String title, @Min(0) @Max(100) int passPercent,
                       boolean required, @NotNull List<String> unlockedBy) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventTopic() {
        return Topics.COURSE;
    }

    @Override
    public String eventKey() {
        return courseId;
    }

    @Override
    public String eventSubject() {
        return "courses/" + courseId + "/versions/" + version;
    }
}
