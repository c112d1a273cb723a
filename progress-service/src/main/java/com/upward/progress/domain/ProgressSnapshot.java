package com.upward.progress.domain;

import com.upward.platform.events.contract.QuizAttemptScored.GradingMethod;

import java.time.Instant;
import java.util.List;

/**
 * What a learner's progress page shows of one course version: computed from the facts whenever they change
 * and stored with the learner's summary row, so reading a learner's progress is one row, however many
 * attempts and lessons lie behind it.
 */
public record ProgressSnapshot(String courseId, String title, int version, int lessonsDone, int percent,
                               String nextLessonId, List<LessonRow> lessons, List<QuizRow> quizzes) {

    public record LessonRow(String lessonId, String title, int position, boolean required, Instant completedAt) {
    }

    /** percent is the graded attempt's, null before any attempt; gradingMethod is null before any attempt too. */
    public record QuizRow(String quizId, String title, boolean required, int passPercent, GradingMethod gradingMethod,
                          int attempts, Double percent, boolean passed) {
    }

    public static ProgressSnapshot of(CourseStructure structure, CourseState state) {
        List<LessonRow> lessons = state.lessons().stream()
                .map(l -> new LessonRow(l.lesson().id(), l.lesson().title(), l.lesson().position(), l.lesson().required(),
                        l.completedAt()))
                .toList();
        List<QuizRow> quizzes = state.quizzes().stream()
                .map(q -> new QuizRow(q.quiz().id(), q.quiz().title(), q.quiz().required(), q.quiz().passPercent(),
                        q.method(), q.attempts(), q.graded() == null ? null : q.graded().percent(), q.passed()))
                .toList();
        return new ProgressSnapshot(structure.courseId, structure.title, structure.version, state.lessonsDone(),
                state.percent(), state.nextLessonId(), lessons, quizzes);
    }
}
