package com.upward.progress.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON answers of the learner progress API; {@link ProgressMapper} makes them. */
public final class ProgressViews {

    /** The API's spelling of the domain's {@code ProgressStatus} (OVERDUE: past a due date, not completed). */
    public enum Status { NOT_STARTED, IN_PROGRESS, COMPLETED, OVERDUE }

    public record CourseProgress(String courseId, String title, int version, Status status, int lessonsCompleted,
                                 int lessonsTotal, int percent, String nextLessonId, Instant startedAt,
                                 List<LessonState> lessons, List<QuizState> quizzes, LocalDate dueDate,
                                 Instant completedAt, String certificateId) {
    }

    public record LessonState(String lessonId, String title, int position, boolean required, boolean completed,
                              Instant completedAt) {
    }

    /** A quiz's result under its grading method; percent is the graded attempt's, null before any attempt. */
    public record QuizState(String quizId, String title, boolean required, int passPercent, String gradingMethod,
                            int attempts, Double percent, boolean passed) {
    }

    private ProgressViews() {
    }
}
