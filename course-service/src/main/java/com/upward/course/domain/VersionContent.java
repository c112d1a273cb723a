package com.upward.course.domain;

import java.util.List;

/** A published version's modules, lessons and quiz placements, each in order, and which belong to which module. */
public record VersionContent(CourseVersion version, List<CourseModule> modules, List<Lesson> lessons,
                             List<QuizPlacement> quizzes) {

    public List<Lesson> lessonsOf(CourseModule module) {
        return lessons.stream().filter(lesson -> lesson.moduleId.equals(module.moduleId)).toList();
    }

    public List<QuizPlacement> quizzesOf(CourseModule module) {
        return quizzes.stream().filter(quiz -> quiz.moduleId.equals(module.moduleId)).toList();
    }

    public CourseModule moduleOf(Lesson lesson) {
        return modules.stream().filter(module -> module.moduleId.equals(lesson.moduleId)).findFirst().orElseThrow();
    }
}
