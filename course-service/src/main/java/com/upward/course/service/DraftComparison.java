package com.upward.course.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.upward.course.content.CourseDocument;
import com.upward.course.service.DraftRecords.Change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a draft changes against the published version it would replace, for the author's publish confirmation:
 * the course's details, modules, lessons (added, removed, renamed, moved, reordered, their blocks and settings) and
 * quizzes (added, removed, moved, their settings). Pure: two course documents in, the list of changes out.
 */
final class DraftComparison {

    private DraftComparison() {
    }

    /** The changes from {@code published} (null: nothing published yet) to {@code draft}, in the draft's order. */
    static List<Change> changes(CourseDocument published, CourseDocument draft) {
        CourseDocument before = published == null
                ? new CourseDocument(draft.courseId(), 0, draft.title(), draft.summary(), draft.language(), draft.attribution(),
                        List.of(), List.of())
                : published;
        List<Change> changes = new ArrayList<>();
        details(before, draft, changes);
        modules(before, draft, changes);
        lessons(before, draft, changes);
        quizzes(before, draft, changes);
        return changes;
    }

    private static void details(CourseDocument before, CourseDocument after, List<Change> changes) {
        if (!Objects.equals(before.title(), after.title())) {
            changes.add(new Change("COURSE_DETAILS", after.courseId(), after.title(),
                    "Course title changed from “" + before.title() + "” to “" + after.title() + "”."));
        }
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(before.summary(), after.summary())) {
            fields.add("summary");
        }
        if (!Objects.equals(before.language(), after.language())) {
            fields.add("language");
        }
        if (!Objects.equals(before.attribution(), after.attribution())) {
            fields.add("attribution");
        }
        if (!fields.isEmpty()) {
            changes.add(new Change("COURSE_DETAILS", after.courseId(), after.title(),
                    "Course " + String.join(", ", fields) + " changed."));
        }
    }

    private static void modules(CourseDocument before, CourseDocument after, List<Change> changes) {
        Map<String, String> old = moduleTitles(before);
        Map<String, String> now = moduleTitles(after);
        now.forEach((id, title) -> {
            if (!old.containsKey(id)) {
                changes.add(new Change("MODULE_ADDED", id, title, "Module “" + title + "” added."));
            } else if (!Objects.equals(old.get(id), title)) {
                changes.add(new Change("MODULE_RENAMED", id, title, "Module “" + old.get(id) + "” renamed to “" + title + "”."));
            }
        });
        old.forEach((id, title) -> {
            if (!now.containsKey(id)) {
                changes.add(new Change("MODULE_REMOVED", id, title, "Module “" + title + "” removed."));
            }
        });
    }

    private static void lessons(CourseDocument before, CourseDocument after, List<Change> changes) {
        Map<String, Placed> old = lessonsOf(before);
        Map<String, Placed> now = lessonsOf(after);
        Map<String, String> moduleTitles = moduleTitles(after);
        moduleTitles(before).forEach(moduleTitles::putIfAbsent);
        for (Placed placed : now.values()) {
            CourseDocument.Lesson lesson = placed.lesson();
            Placed was = old.get(lesson.id());
            if (was == null) {
                changes.add(new Change("LESSON_ADDED", lesson.id(), lesson.title(), "Lesson “" + lesson.title()
                        + "” added to “" + moduleTitles.get(placed.moduleId()) + "” (" + count(size(lesson.blocks()), "block") + ")."));
                continue;
            }
            if (!Objects.equals(was.lesson().title(), lesson.title())) {
                changes.add(new Change("LESSON_RENAMED", lesson.id(), lesson.title(),
                        "Lesson “" + was.lesson().title() + "” renamed to “" + lesson.title() + "”."));
            }
            if (!was.moduleId().equals(placed.moduleId())) {
                changes.add(new Change("LESSON_MOVED", lesson.id(), lesson.title(), "Lesson “" + lesson.title()
                        + "” moved from “" + moduleTitles.get(was.moduleId()) + "” to “" + moduleTitles.get(placed.moduleId()) + "”."));
            }
            blocks(was.lesson(), lesson, changes);
            settings(was.lesson(), lesson, changes);
        }
        for (Placed placed : old.values()) {
            if (!now.containsKey(placed.lesson().id())) {
                changes.add(new Change("LESSON_REMOVED", placed.lesson().id(), placed.lesson().title(),
                        "Lesson “" + placed.lesson().title() + "” removed."));
            }
        }
        // Within a module both versions have, the lessons both versions have there, in another order.
        for (String moduleId : moduleTitles(after).keySet()) {
            List<String> was = order(old, moduleId, now);
            List<String> is = order(now, moduleId, old);
            if (!was.equals(is)) {
                changes.add(new Change("LESSONS_REORDERED", moduleId, moduleTitles.get(moduleId),
                        "Lessons of “" + moduleTitles.get(moduleId) + "” reordered."));
            }
        }
    }

    /** The blocks compared in order: kept ones are the longest common run; the others count as changed, added or removed. */
    private static void blocks(CourseDocument.Lesson was, CourseDocument.Lesson is, List<Change> changes) {
        List<JsonNode> before = was.blocks() == null ? List.of() : was.blocks();
        List<JsonNode> after = is.blocks() == null ? List.of() : is.blocks();
        int kept = commonRun(before, after);
        int removed = before.size() - kept;
        int added = after.size() - kept;
        int changed = Math.min(removed, added);
        if (changed + added + removed == 0) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (changed > 0) {
            parts.add(count(changed, "block") + " changed");
        }
        if (added - changed > 0) {
            parts.add(count(added - changed, "block") + " added");
        }
        if (removed - changed > 0) {
            parts.add(count(removed - changed, "block") + " removed");
        }
        changes.add(new Change("LESSON_BLOCKS", is.id(), is.title(), "Lesson “" + is.title() + "”: " + String.join(", ", parts) + "."));
    }

    private static void settings(CourseDocument.Lesson was, CourseDocument.Lesson is, List<Change> changes) {
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(was.objectives(), is.objectives())) {
            parts.add("objectives changed");
        }
        if (was.estimatedMinutes() != is.estimatedMinutes()) {
            parts.add("time " + was.estimatedMinutes() + " → " + is.estimatedMinutes() + " min");
        }
        if (was.required() != is.required()) {
            parts.add(is.required() ? "now required" : "now optional");
        }
        if (!parts.isEmpty()) {
            changes.add(new Change("LESSON_SETTINGS", is.id(), is.title(), "Lesson “" + is.title() + "”: " + String.join(", ", parts) + "."));
        }
    }

    private static void quizzes(CourseDocument before, CourseDocument after, List<Change> changes) {
        Map<String, CourseDocument.Quiz> old = quizzesOf(before);
        Map<String, CourseDocument.Quiz> now = quizzesOf(after);
        Map<String, String> moduleTitles = moduleTitles(after);
        moduleTitles(before).forEach(moduleTitles::putIfAbsent);
        for (CourseDocument.Quiz quiz : now.values()) {
            CourseDocument.Quiz was = old.get(quiz.id());
            if (was == null) {
                changes.add(new Change("QUIZ_ADDED", quiz.id(), quiz.title(), "Quiz “" + quiz.title() + "” added to “"
                        + moduleTitles.get(quiz.moduleId()) + "” (pass mark " + quiz.passPercent() + "%)."));
                continue;
            }
            if (!Objects.equals(was.moduleId(), quiz.moduleId())) {
                changes.add(new Change("QUIZ_MOVED", quiz.id(), quiz.title(), "Quiz “" + quiz.title() + "” moved from “"
                        + moduleTitles.get(was.moduleId()) + "” to “" + moduleTitles.get(quiz.moduleId()) + "”."));
            }
            List<String> parts = new ArrayList<>();
            if (!Objects.equals(was.title(), quiz.title())) {
                parts.add("renamed from “" + was.title() + "”");
            }
            if (was.passPercent() != quiz.passPercent()) {
                parts.add("pass mark " + was.passPercent() + "% → " + quiz.passPercent() + "%");
            }
            if (was.required() != quiz.required()) {
                parts.add(quiz.required() ? "now required" : "now optional");
            }
            if (!Objects.equals(was.unlockedBy(), quiz.unlockedBy())) {
                parts.add("opens after other lessons");
            }
            if (!parts.isEmpty()) {
                changes.add(new Change("QUIZ_SETTINGS", quiz.id(), quiz.title(), "Quiz “" + quiz.title() + "”: "
                        + String.join(", ", parts) + "."));
            }
        }
        for (CourseDocument.Quiz quiz : old.values()) {
            if (!now.containsKey(quiz.id())) {
                changes.add(new Change("QUIZ_REMOVED", quiz.id(), quiz.title(), "Quiz “" + quiz.title() + "” removed."));
            }
        }
    }

    private record Placed(String moduleId, CourseDocument.Lesson lesson) {
    }

    private static Map<String, String> moduleTitles(CourseDocument document) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (CourseDocument.Module module : document.modules() == null ? List.<CourseDocument.Module>of() : document.modules()) {
            titles.put(module.id(), module.title());
        }
        return titles;
    }

    private static Map<String, Placed> lessonsOf(CourseDocument document) {
        Map<String, Placed> lessons = new LinkedHashMap<>();
        for (CourseDocument.Module module : document.modules() == null ? List.<CourseDocument.Module>of() : document.modules()) {
            for (CourseDocument.Lesson lesson : module.lessons() == null ? List.<CourseDocument.Lesson>of() : module.lessons()) {
                lessons.put(lesson.id(), new Placed(module.id(), lesson));
            }
        }
        return lessons;
    }

    private static Map<String, CourseDocument.Quiz> quizzesOf(CourseDocument document) {
        Map<String, CourseDocument.Quiz> quizzes = new LinkedHashMap<>();
        for (CourseDocument.Quiz quiz : document.quizzes() == null ? List.<CourseDocument.Quiz>of() : document.quizzes()) {
            quizzes.put(quiz.id(), quiz);
        }
        return quizzes;
    }

    /** The ids of {@code lessons} in the module, in order, that {@code other} also has in that module. */
    private static List<String> order(Map<String, Placed> lessons, String moduleId, Map<String, Placed> other) {
        return lessons.values().stream()
                .filter(placed -> placed.moduleId().equals(moduleId))
                .map(placed -> placed.lesson().id())
                .filter(id -> other.containsKey(id) && other.get(id).moduleId().equals(moduleId))
                .toList();
    }

    /** Beyond this many block pairs a lesson's blocks are compared position by position (bounded time and memory). */
    private static final long MAX_PAIRS = 250_000;

    /** The length of the longest common subsequence of two block lists (blocks equal as JSON). */
    private static int commonRun(List<JsonNode> a, List<JsonNode> b) {
        if ((long) a.size() * b.size() > MAX_PAIRS) {
            int same = 0;
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                same += a.get(i).equals(b.get(i)) ? 1 : 0;
            }
            return same;
        }
        int[][] length = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                length[i][j] = a.get(i).equals(b.get(j)) ? length[i + 1][j + 1] + 1 : Math.max(length[i + 1][j], length[i][j + 1]);
            }
        }
        return length[0][0];
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
