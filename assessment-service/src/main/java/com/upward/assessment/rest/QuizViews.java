package com.upward.assessment.rest;

import java.util.List;

/** The JSON answers of the quiz API. Never carries answer keys. */
public final class QuizViews {

    public record QuizSettings(String id, String title, String courseId, int courseVersion, int passPercent,
                               boolean required, List<String> unlockedBy) {
    }

    private QuizViews() {
    }
}
