package com.upward.course.content;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A course version as its content file in the repository writes it (courses/COURSE/vN.json). */
public record CourseDocument(String courseId, int version, String title, String summary, String language,
                             String attribution, List<Module> modules, List<Quiz> quizzes) {

    public record Module(String id, String title, List<Lesson> lessons) {
    }

    public record Lesson(String id, String title, int estimatedMinutes, boolean required, List<String> objectives,
                         List<JsonNode> blocks) {
    }

    public record Quiz(String id, String title, String moduleId, int passPercent, boolean required, List<String> unlockedBy) {
    }
}
