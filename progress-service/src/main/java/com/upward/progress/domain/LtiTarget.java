package com.upward.progress.domain;

/** What a launch opens: the course, one of its lessons or one of its quizzes. */
public record LtiTarget(Kind kind, String courseId, String targetId) {

    public enum Kind { COURSE, LESSON, QUIZ }
}
