package com.upward.assessment.domain;

import java.util.List;

/** Where a published course version puts a quiz: its title, pass mark, whether it is required, and the lessons that unlock it. */
public record QuizPlacement(String quizId, String title, String courseId, int courseVersion, int passPercent,
                            boolean required, List<String> unlockedBy) {
}
