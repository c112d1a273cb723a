package com.upward.progress.rest;

import java.time.Instant;
import java.util.List;

/** The JSON answers of the learner progress API. */
public final class ProgressViews {

    public enum Status { NOT_STARTED, IN_PROGRESS, COMPLETED }

    public record CourseProgress(String courseId, String title, int version, Status status, int lessonsCompleted,
                                 int lessonsTotal, int percent, String nextLessonId, Instant startedAt,
                                 List<LessonState> lessons) {
    }

    public record LessonState(String lessonId, String title, int position, boolean required, boolean completed,
                              Instant completedAt) {
    }

    private ProgressViews() {
    }
}
