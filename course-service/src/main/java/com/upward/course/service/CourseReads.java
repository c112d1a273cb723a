package com.upward.course.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * What the learner side's services return: the catalogue, a learner's outline and lesson, search hits and
 * completions. They are also the learner API's JSON answers, as they are (entities never leave the service
 * layer; these records do): their simple names are the OpenAPI schema names. None is stored.
 */
public final class CourseReads {

    public record CourseSummary(String id, String title, String summary, int version, int lessonCount,
                                int estimatedMinutes) {
    }

    /** A course's outline in order, with this learner's state and the sequencing rules. */
    public record CourseOutline(String id, String title, String summary, String attribution, int version,
                                int latestVersion, int estimatedMinutes, int lessonsCompleted, int lessonsTotal,
                                String nextLessonId, List<ModuleOutline> modules) {
    }

    public record ModuleOutline(String id, String title, int position, List<LessonItem> lessons, List<QuizItem> quizzes) {
    }

    public record LessonItem(String id, String title, int position, int estimatedMinutes, boolean required,
                             boolean completed) {
    }

    /** A quiz placement: open once every lesson of {@code unlockedBy} is done; {@code lockedReason} says why not. */
    public record QuizItem(String id, String title, int passPercent, boolean required, List<String> unlockedBy,
                           boolean unlocked, String lockedReason) {
    }

    public record LessonContent(String courseId, int version, String id, String moduleId, String moduleTitle,
                                int position, String title, int estimatedMinutes, boolean required,
                                List<String> objectives, JsonNode blocks, String previousLessonId,
                                String nextLessonId, boolean completed, String attribution) {
    }

    /** A lesson that matches a search: its place, how well it matches, and an HTML snippet with mark elements. */
    public record SearchHit(String lessonId, String title, String moduleId, int position, double rank, String snippet) {
    }

    public record Completion(String courseId, int version, String lessonId, Instant completedAt) {
    }

    private CourseReads() {
    }
}
