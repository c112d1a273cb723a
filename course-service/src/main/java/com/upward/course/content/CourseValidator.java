package com.upward.course.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.upward.platform.web.Slug;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a course version before it is published: no empty lesson, well-formed blocks, unique ids,
 * and sequencing rules that name lessons of the course.
 */
public final class CourseValidator {

    /** Each block type and the text fields it must have. */
    private static final Map<String, List<String>> BLOCK_FIELDS = Map.of(
            "text", List.of("text"),
            "key-points", List.of("items"),
            "quote", List.of("text", "cite"),
            "interview", List.of("asker", "question", "answerer", "answer"),
            "reflection", List.of("prompt"));

    public static List<String> problems(CourseDocument course) {
        List<String> problems = new ArrayList<>();
        if (blank(course.courseId()) || !course.courseId().matches(Slug.PATTERN)) {
            problems.add("courseId must be 1-80 lowercase letters, digits or dashes");
        }
        if (course.version() < 1) {
            problems.add("version must be 1 or more");
        }
        if (blank(course.title())) {
            problems.add("the course has no title");
        }
        if (course.modules() == null || course.modules().isEmpty()) {
            problems.add("the course has no module");
            return problems;
        }
        Set<String> moduleIds = new HashSet<>();
        Set<String> lessonIds = new HashSet<>();
        for (CourseDocument.Module module : course.modules()) {
            if (blank(module.id()) || !moduleIds.add(module.id())) {
                problems.add("module id '" + module.id() + "' is missing or repeated");
            }
            if (module.lessons() == null || module.lessons().isEmpty()) {
                problems.add("module '" + module.id() + "' has no lesson");
                continue;
            }
            for (CourseDocument.Lesson lesson : module.lessons()) {
                checkLesson(lesson, lessonIds, problems);
            }
        }
        Set<String> quizIds = new HashSet<>();
        for (CourseDocument.Quiz quiz : course.quizzes() == null ? List.<CourseDocument.Quiz>of() : course.quizzes()) {
            if (blank(quiz.id()) || !quizIds.add(quiz.id())) {
                problems.add("quiz id '" + quiz.id() + "' is missing or repeated");
            }
            if (!moduleIds.contains(quiz.moduleId())) {
                problems.add("quiz '" + quiz.id() + "' is placed in unknown module '" + quiz.moduleId() + "'");
            }
            if (quiz.passPercent() < 0 || quiz.passPercent() > 100) {
                problems.add("quiz '" + quiz.id() + "' has a pass mark outside 0-100");
            }
            for (String lessonId : quiz.unlockedBy() == null ? List.<String>of() : quiz.unlockedBy()) {
                if (!lessonIds.contains(lessonId)) {
                    problems.add("quiz '" + quiz.id() + "' is unlocked by unknown lesson '" + lessonId + "'");
                }
            }
        }
        return problems;
    }

    private static void checkLesson(CourseDocument.Lesson lesson, Set<String> lessonIds, List<String> problems) {
        String where = "lesson '" + lesson.id() + "'";
        if (blank(lesson.id()) || !lesson.id().matches(Slug.PATTERN) || !lessonIds.add(lesson.id())) {
            problems.add(where + ": the id is missing, malformed or repeated");
        }
        if (blank(lesson.title())) {
            problems.add(where + " has no title");
        }
        if (lesson.estimatedMinutes() < 1) {
            problems.add(where + " needs an estimate of at least one minute");
        }
        if (lesson.objectives() == null || lesson.objectives().isEmpty()) {
            problems.add(where + " states no learning objective");
        }
        if (lesson.blocks() == null || lesson.blocks().isEmpty()) {
            problems.add(where + " is empty: it has no block");
            return;
        }
        for (int i = 0; i < lesson.blocks().size(); i++) {
            JsonNode block = lesson.blocks().get(i);
            String type = block.path("type").asText();
            List<String> fields = BLOCK_FIELDS.get(type);
            if (fields == null) {
                problems.add(where + " block " + (i + 1) + " has unknown type '" + type + "'");
                continue;
            }
            for (String field : fields) {
                JsonNode value = block.path(field);
                boolean empty = value.isMissingNode() || value.isNull()
                        || (value.isTextual() && value.asText().isBlank()) || (value.isArray() && value.isEmpty());
                if (empty) {
                    problems.add(where + " block " + (i + 1) + " (" + type + ") has no " + field);
                }
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private CourseValidator() {
    }
}
