package com.upward.assessment.rest;

import java.util.List;

/** Question statistics over first attempts, as Moodle's quiz statistics report shows them (percentages). */
public final class StatisticsViews {

    /**
     * {@code cronbachAlpha} is the raw coefficient; {@code internalConsistencyPercent} the same times 100, as Moodle
     * prints it. Both are null until there are two first attempts with some spread in their totals.
     */
    public record QuizStats(String quizId, String orgId, long firstAttempts, int slots, Double meanPercent,
                            Double standardDeviationPercent, Double cronbachAlpha, Double internalConsistencyPercent,
                            List<QuestionStats> questions) {
    }

    /** Facility: mean score in %. Discrimination: correlation with the rest of the test, in %; null without spread. */
    public record QuestionStats(String questionId, String type, String prompt, long attempts, double facilityIndex,
                                Double standardDeviationPercent, Double discriminationIndex) {
    }

    private StatisticsViews() {
    }
}
