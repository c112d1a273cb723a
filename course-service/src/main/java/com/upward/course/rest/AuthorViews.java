package com.upward.course.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.upward.platform.web.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The author API's requests: validated records, never entities. Its answers are the service's
 * {@code DraftRecords} (the draft, its lessons, validation, publication), as they are.
 */
public final class AuthorViews {

    /** Where a new draft starts: a copy of the newest published version, or no lesson at all. */
    public enum DraftStart { LATEST, EMPTY }

    /** All optional: details given here replace the copied ones; a course never published needs a title. */
    public record CreateDraft(DraftStart start,
                              @Size(min = 1, max = 200) String title,
                              @Size(max = 2000) String summary,
                              @Size(max = 1000) String attribution,
                              @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language code such as en or en-GB") String language) {
    }

    public record CourseDetails(@NotBlank @Size(max = 200) String title,
                                @NotNull @Size(max = 2000) String summary,
                                @NotNull @Size(max = 1000) String attribution,
                                @NotNull @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language code such as en or en-GB") String language) {
    }

    public record ModuleRequest(@NotNull @Slug String id,
                                @NotBlank @Size(max = 200) String title) {
    }

    public record ModuleTitle(@NotBlank @Size(max = 200) String title) {
    }

    /**
     * A draft lesson. {@code id} is required to create one and, when sent to edit one, must be the id in the
     * path (so a lesson read from the API can be sent back as it is). Objectives and blocks may be empty
     * while drafting; validation and publishing refuse an empty lesson.
     */
    public record DraftLesson(@Slug String id,
                              @NotNull @Slug String moduleId,
                              @NotBlank @Size(max = 200) String title,
                              @Min(1) @Max(240) int estimatedMinutes,
                              @NotNull Boolean required,
                              @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> objectives,
                              @NotNull @Size(max = 200) List<@NotNull @Valid Block> blocks) {
    }

    /** The typed content blocks; {@code type} names the kind, unknown kinds and fields are refused. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = TextBlock.class, name = "text"),
            @JsonSubTypes.Type(value = KeyPointsBlock.class, name = "key-points"),
            @JsonSubTypes.Type(value = QuoteBlock.class, name = "quote"),
            @JsonSubTypes.Type(value = InterviewBlock.class, name = "interview"),
            @JsonSubTypes.Type(value = ReflectionBlock.class, name = "reflection")})
    public sealed interface Block permits TextBlock, KeyPointsBlock, QuoteBlock, InterviewBlock, ReflectionBlock {
    }

    public record TextBlock(@NotBlank @Size(max = 20_000) String text) implements Block {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyPointsBlock(@Size(max = 200) String title,
                                 @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> items) implements Block {
    }

    public record QuoteBlock(@NotBlank @Size(max = 5000) String text, @NotBlank @Size(max = 300) String cite) implements Block {
    }

    public record InterviewBlock(@NotBlank @Size(max = 200) String asker, @NotBlank @Size(max = 2000) String question,
                                 @NotBlank @Size(max = 200) String answerer, @NotBlank @Size(max = 20_000) String answer) implements Block {
    }

    public record ReflectionBlock(@NotBlank @Size(max = 2000) String prompt) implements Block {
    }

    /** The new order: every module of the draft once, each listing every one of its lessons once. */
    public record Order(@NotEmpty @Size(max = 100) List<@NotNull @Valid ModuleOrder> modules) {
    }

    public record ModuleOrder(@NotNull @Slug String id,
                              @NotNull @Size(max = 500) List<@NotNull @Slug String> lessons) {
    }

    /** A quiz's place and its sequencing rule: it opens once every lesson of unlockedBy is done. */
    public record QuizRequest(@NotBlank @Size(max = 200) String title,
                              @NotNull @Slug String moduleId,
                              @Min(0) @Max(100) int passPercent,
                              @NotNull Boolean required,
                              @NotNull @Size(max = 500) List<@NotNull @Slug String> unlockedBy) {
    }

    private AuthorViews() {
    }
}
