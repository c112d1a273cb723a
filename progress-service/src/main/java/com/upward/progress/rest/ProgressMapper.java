package com.upward.progress.rest;

import com.upward.progress.domain.ProgressSnapshot;
import com.upward.progress.domain.ProgressStatus;
import com.upward.progress.rest.ProgressViews.CourseProgress;
import com.upward.progress.rest.ProgressViews.LessonState;
import com.upward.progress.rest.ProgressViews.QuizState;
import com.upward.progress.rest.ProgressViews.Status;
import com.upward.progress.service.ProgressQueries;

import java.util.List;

/** From what {@link ProgressQueries} returns to the learner progress API's records. */
public final class ProgressMapper {

    private ProgressMapper() {
    }

    public static CourseProgress view(ProgressQueries.CourseProgress progress) {
        ProgressSnapshot snapshot = progress.snapshot();
        List<LessonState> lessons = snapshot.lessons().stream()
                .map(l -> new LessonState(l.lessonId(), l.title(), l.position(), l.required(), l.completedAt() != null,
                        l.completedAt()))
                .toList();
        List<QuizState> quizzes = snapshot.quizzes().stream()
                .map(q -> new QuizState(q.quizId(), q.title(), q.required(), q.passPercent(),
                        q.gradingMethod() == null ? null : q.gradingMethod().name(), q.attempts(), q.percent(), q.passed()))
                .toList();
        return new CourseProgress(snapshot.courseId(), snapshot.title(), snapshot.version(), status(progress.status()),
                snapshot.lessonsDone(), lessons.size(), snapshot.percent(), snapshot.nextLessonId(), progress.startedAt(),
                lessons, quizzes, progress.dueDate(), progress.completedAt(), progress.certificateId());
    }

    public static List<CourseProgress> views(List<ProgressQueries.CourseProgress> progress) {
        return progress.stream().map(ProgressMapper::view).toList();
    }

    public static Status status(ProgressStatus status) {
        return status == null ? null : Status.valueOf(status.name());
    }

    /** A status filter from the API to the domain. */
    public static ProgressStatus status(Status status) {
        return status == null ? null : ProgressStatus.valueOf(status.name());
    }
}
