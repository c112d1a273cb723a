package com.upward.assessment.rest;

import com.upward.assessment.rest.QuizViews.AttemptSummary;
import com.upward.assessment.rest.QuizViews.MyAttempts;
import com.upward.assessment.rest.QuizViews.QuizSettings;
import com.upward.assessment.service.QuizOverview;

import java.util.UUID;

/** The quiz service's overview as the quiz API shows it. */
final class QuizMapper {

    static QuizSettings settings(QuizOverview quiz) {
        return new QuizSettings(quiz.id(), quiz.title(), quiz.kind(), quiz.courseId(), quiz.courseVersion(),
                quiz.passPercent(), quiz.required(), quiz.unlockedBy(), quiz.questionCount(), quiz.attemptsAllowed(),
                quiz.minutesBetweenAttempts(), quiz.timeLimitMinutes(), name(quiz.grading()), name(quiz.review()),
                myAttempts(quiz.myAttempts()));
    }

    private static MyAttempts myAttempts(QuizOverview.MyAttempts mine) {
        return new MyAttempts(mine.used(), mine.remaining(), id(mine.openAttemptId()), mine.nextAttemptAvailableAt(),
                mine.gradePercent(), mine.passed(), mine.attempts().stream().map(a -> new AttemptSummary(a.id().toString(),
                        a.attemptNumber(), a.state().name(), a.startedAt(), a.submittedAt(), a.percent(), a.passed())).toList());
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private QuizMapper() {
    }
}
