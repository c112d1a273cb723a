package com.upward.course.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * What {@link CourseDrafts} takes and returns: an author's edits, already checked at the edge, and the draft as
 * the service sees it. {@code rest/AuthorMapper} builds the edits from the API's requests ({@code AuthorViews}),
 * so the service never sees a request's JSON shape; the answers are the author API's JSON answers as they are
 * (their simple names are the OpenAPI schema names). None is stored: a draft is stored as a {@code CourseDocument}.
 */
public final class DraftRecords {

    /** Where a new draft starts: a copy of the newest published version, or no lesson at all. */
    public enum DraftStart { LATEST, EMPTY }

    /** All optional: details given here replace the copied ones; a course never published needs a title. */
    public record CreateDraft(DraftStart start, String title, String summary, String attribution, String language) {
    }

    public record CourseDetails(String title, String summary, String attribution, String language) {
    }

    public record ModuleRequest(String id, String title) {
    }

    /** A draft lesson; {@code id} may be null on an edit (the path names the lesson); blocks are the typed blocks as JSON. */
    public record DraftLesson(String id, String moduleId, String title, int estimatedMinutes, Boolean required,
                              List<String> objectives, List<JsonNode> blocks) {
    }

    public record Order(List<ModuleOrder> modules) {
    }

    public record ModuleOrder(String id, List<String> lessons) {
    }

    public record QuizRequest(String title, String moduleId, int passPercent, Boolean required, List<String> unlockedBy) {
    }

    // Answers

    public record AuthorCourse(String courseId, String title, Integer latestVersion, Instant latestPublishedAt,
                               DraftState draft) {
    }

    public record DraftState(Integer basedOnVersion, int revision, String updatedBy, Instant updatedAt) {
    }

    /** The draft's structure; a lesson's content is at draft/lessons/{lessonId}. */
    public record DraftView(String courseId, Integer basedOnVersion, int revision, String title, String summary,
                            String attribution, String language, List<DraftModuleView> modules,
                            List<QuizView> quizzes, String createdBy, Instant createdAt, String updatedBy,
                            Instant updatedAt) {
    }

    public record DraftModuleView(String id, String title, List<DraftLessonItem> lessons) {
    }

    public record DraftLessonItem(String id, String title, int estimatedMinutes, boolean required, int objectiveCount,
                                  int blockCount) {
    }

    /** A draft lesson's content, in the shape the API's {@code DraftLesson} accepts, so it can be edited and sent back. */
    public record DraftLessonView(String id, String moduleId, String title, int estimatedMinutes, boolean required,
                                  List<String> objectives, JsonNode blocks) {
    }

    /** A saved lesson and the draft's revision after the save: the answer's ETag, for the next write's If-Match. */
    public record SavedLesson(DraftLessonView lesson, int revision) {
    }

    public record QuizView(String id, String title, String moduleId, int passPercent, boolean required,
                           List<String> unlockedBy) {
    }

    public record Validation(String courseId, int version, boolean valid, List<String> problems) {
    }

    /**
     * What publishing the draft would change: the draft against the newest published version ({@code comparedWith},
     * null when none is), at the draft's {@code revision}.
     */
    public record Changes(String courseId, Integer comparedWith, int revision, List<Change> changes) {
    }

    /**
     * One change: {@code kind} (COURSE_DETAILS, MODULE_ADDED/RENAMED/REMOVED, LESSON_ADDED/REMOVED/RENAMED/MOVED,
     * LESSONS_REORDERED, LESSON_BLOCKS, LESSON_SETTINGS, QUIZ_ADDED/REMOVED/MOVED, QUIZ_SETTINGS), the id and title of
     * what changed, and the change in a sentence for a person.
     */
    public record Change(String kind, String id, String title, String summary) {
    }

    public record Publication(String courseId, int version, Instant publishedAt, int lessonCount, int quizCount) {
    }

    private DraftRecords() {
    }
}
