package com.upward.course.service;

import com.upward.course.content.CourseDocument;
import com.upward.platform.web.errors.RuleViolationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A draft's content as lists that edits can change, then written back as a course document. */
final class WorkingCopy {

    final CourseDocument original;
    String title;
    String summary;
    String language;
    String attribution;
    final Map<String, String> moduleTitles = new LinkedHashMap<>();
    final Map<String, List<CourseDocument.Lesson>> lessons = new LinkedHashMap<>();
    final List<CourseDocument.Quiz> quizzes = new ArrayList<>();

    private WorkingCopy(CourseDocument original) {
        this.original = original;
        this.title = original.title();
        this.summary = original.summary();
        this.language = original.language();
        this.attribution = original.attribution();
    }

    void details(String title, String summary, String language, String attribution) {
        this.title = title;
        this.summary = summary;
        this.language = language;
        this.attribution = attribution;
    }

    /** Replaces the quiz with this id, or adds it last; answers whether it was added. */
    boolean putQuiz(CourseDocument.Quiz placement) {
        int index = -1;
        for (int i = 0; i < quizzes.size(); i++) {
            if (quizzes.get(i).id().equals(placement.id())) {
                index = i;
            }
        }
        if (index >= 0) {
            quizzes.set(index, placement);
        } else {
            quizzes.add(placement);
        }
        return index < 0;
    }

    static WorkingCopy of(CourseDocument content) {
        WorkingCopy copy = new WorkingCopy(content);
        for (CourseDocument.Module module : content.modules() == null ? List.<CourseDocument.Module>of() : content.modules()) {
            copy.moduleTitles.put(module.id(), module.title());
            copy.lessons.put(module.id(), new ArrayList<>(module.lessons() == null ? List.of() : module.lessons()));
        }
        if (content.quizzes() != null) {
            copy.quizzes.addAll(content.quizzes());
        }
        return copy;
    }

    Optional<String> moduleOf(String lessonId) {
        return lessons.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(lesson -> lesson.id().equals(lessonId)))
                .map(Map.Entry::getKey).findFirst();
    }

    CourseDocument.Lesson lesson(String lessonId) {
        return lessons.values().stream().flatMap(List::stream).filter(lesson -> lesson.id().equals(lessonId))
                .findFirst().orElseThrow();
    }

    void requireModule(String moduleId) {
        if (!moduleTitles.containsKey(moduleId)) {
            throw new RuleViolationException("Unknown module", "The draft has no module '" + moduleId
                    + "'. Add it first, or use one of: " + String.join(", ", moduleTitles.keySet()) + ".");
        }
    }

    CourseDocument toDocument() {
        List<CourseDocument.Module> modules = moduleTitles.entrySet().stream()
                .map(entry -> new CourseDocument.Module(entry.getKey(), entry.getValue(), List.copyOf(lessons.get(entry.getKey()))))
                .toList();
        return new CourseDocument(original.courseId(), 0, title, summary, language, attribution, modules,
                List.copyOf(quizzes));
    }
}
