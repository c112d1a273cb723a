package com.upward.assessment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Moodle's quiz statistics, computed from running sums over first attempts (kept by the statistics tables), as
 * percentages rounded to 2 decimals:
 * <ul>
 *   <li>facility index = 100 x mean score fraction;</li>
 *   <li>discrimination index = 100 x Pearson correlation of the question's score with the rest of the test (total - question);</li>
 *   <li>Cronbach's alpha = k/(k-1) x (1 - sum of slot variances / variance of totals), k = slots in the quiz.</li>
 * </ul>
 * Variances are sample variances (n - 1), as Moodle's; they cancel in the correlation and the alpha ratio anyway.
 * With x = a question's score (0..1), t = the attempt's total and r = t - x.
 */
public final class ItemAnalysis {

    /** n, sum of t and of t squared, over the quiz's first attempts. */
    public record TestSums(long n, double sumT, double sumTT) {
        public static final TestSums NONE = new TestSums(0, 0, 0);
    }

    /** n, sum of x and of x squared, for one slot. */
    public record SlotSums(int slot, long n, double sumX, double sumXX) {
    }

    /** n and the sums of x, x², r, r² and x·r, for one question. */
    public record QuestionSums(String questionId, long n, double sumX, double sumXX, double sumR, double sumRR,
                               double sumXR) {
    }

    /** {@code cronbachAlpha} raw and x 100; both null until two first attempts with some spread in their totals. */
    public record QuizFigures(long firstAttempts, int slots, Double meanPercent, Double standardDeviationPercent,
                              Double cronbachAlpha, Double internalConsistencyPercent, List<QuestionFigures> questions) {
    }

    /** Discrimination is null without spread in the question's score or in the rest of the test. */
    public record QuestionFigures(String questionId, long attempts, double facilityIndex, Double standardDeviationPercent,
                                  Double discriminationIndex) {
    }

    /** The figures of a quiz of {@code k} slots, its questions in the order given. */
    public static QuizFigures of(int k, TestSums test, List<SlotSums> slots, List<QuestionSums> questions) {
        long n = test.n();
        Double varianceT = sampleVariance(n, test.sumT(), test.sumTT());
        double sumSlotVariance = 0;
        boolean everySlotKnown = true;
        for (SlotSums slot : slots) {
            Double v = sampleVariance(slot.n(), slot.sumX(), slot.sumXX());
            if (v == null) {
                everySlotKnown = false;
            } else {
                sumSlotVariance += v;
            }
        }
        Double alpha = null;
        if (k > 1 && varianceT != null && varianceT > 0 && everySlotKnown && slots.size() == k) {
            alpha = (double) k / (k - 1) * (1 - sumSlotVariance / varianceT);
        }

        List<QuestionFigures> perQuestion = new ArrayList<>();
        for (QuestionSums q : questions) {
            long qn = q.n();
            Double discrimination = null;
            double cxx = q.sumXX() - q.sumX() * q.sumX() / qn;
            double crr = q.sumRR() - q.sumR() * q.sumR() / qn;
            double cxr = q.sumXR() - q.sumX() * q.sumR() / qn;
            if (qn > 1 && cxx > 1e-12 && crr > 1e-12) {
                discrimination = 100 * cxr / Math.sqrt(cxx * crr);
            }
            Double sd = sampleVariance(qn, q.sumX(), q.sumXX());
            perQuestion.add(new QuestionFigures(q.questionId(), qn, round(100 * q.sumX() / qn),
                    sd == null ? null : round(100 * Math.sqrt(sd)), discrimination == null ? null : round(discrimination)));
        }
        Double mean = n == 0 ? null : round(100 * (test.sumT() / n) / k);
        return new QuizFigures(n, k, mean, varianceT == null ? null : round(100 * Math.sqrt(varianceT) / k),
                alpha == null ? null : Scoring.round(alpha, 4), alpha == null ? null : round(100 * alpha), perQuestion);
    }

    private static Double sampleVariance(long n, double sum, double sumSquares) {
        if (n < 2) {
            return null;
        }
        return Math.max(0, (sumSquares - sum * sum / n) / (n - 1));
    }

    private static double round(double value) {
        return Scoring.round(value, 2);
    }

    private ItemAnalysis() {
    }
}
