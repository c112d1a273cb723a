package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.domain.Scoring;
import com.upward.assessment.rest.StatisticsViews.QuestionStats;
import com.upward.assessment.rest.StatisticsViews.QuizStats;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moodle's quiz statistics over first attempts, kept as running sums updated in the scoring transaction:
 * <ul>
 *   <li>facility index = 100 x mean score fraction;</li>
 *   <li>discrimination index = 100 x Pearson correlation of the question's score with the rest of the test (total - question);</li>
 *   <li>Cronbach's alpha = k/(k-1) x (1 - sum of slot variances / variance of totals), k = slots in the quiz.</li>
 * </ul>
 * Variances are sample variances (n - 1), as Moodle's; they cancel in the correlation and the alpha ratio anyway.
 */
@ApplicationScoped
public class QuestionStatistics {

    @Inject
    EntityManager entityManager;

    @Inject
    QuestionBank bank;

    /** Adds one scored first attempt: question ids and slots in the attempt's order, scores 0..1. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String orgId, String quizId, int slots, List<String> questionIds, List<Integer> slotNumbers, List<Double> scores) {
        double total = scores.stream().mapToDouble(Double::doubleValue).sum();
        entityManager.createNativeQuery("""
                        INSERT INTO quiz_statistics AS s (org_id, quiz_id, slots, n, sum_t, sum_tt) VALUES (:org, :quiz, :k, 1, :t, :t * :t)
                        ON CONFLICT (org_id, quiz_id) DO UPDATE SET n = s.n + 1, sum_t = s.sum_t + :t,
                            sum_tt = s.sum_tt + :t * :t, slots = EXCLUDED.slots""")
                .setParameter("org", orgId).setParameter("quiz", quizId).setParameter("k", slots).setParameter("t", total)
                .executeUpdate();
        // One statement per table, rows in a fixed order (question id, slot) so concurrent submissions cannot deadlock.
        // Ids match [a-z0-9-]+ (the bank validator checks it), so they are safe inside an array literal.
        entityManager.createNativeQuery("""
                        INSERT INTO question_statistics AS s (org_id, quiz_id, question_id, n, sum_x, sum_xx, sum_r, sum_rr, sum_xr)
                        SELECT :org, :quiz, u.q, 1, u.x, u.x * u.x, :t - u.x, (:t - u.x) * (:t - u.x), u.x * (:t - u.x)
                        FROM unnest(CAST(:ids AS text[]), CAST(:xs AS float8[])) AS u(q, x) ORDER BY u.q
                        ON CONFLICT (org_id, quiz_id, question_id) DO UPDATE SET n = s.n + 1,
                            sum_x = s.sum_x + EXCLUDED.sum_x, sum_xx = s.sum_xx + EXCLUDED.sum_xx,
                            sum_r = s.sum_r + EXCLUDED.sum_r, sum_rr = s.sum_rr + EXCLUDED.sum_rr,
                            sum_xr = s.sum_xr + EXCLUDED.sum_xr""")
                .setParameter("org", orgId).setParameter("quiz", quizId).setParameter("t", total)
                .setParameter("ids", arrayLiteral(questionIds)).setParameter("xs", arrayLiteral(scores)).executeUpdate();
        entityManager.createNativeQuery("""
                        INSERT INTO slot_statistics AS s (org_id, quiz_id, slot, n, sum_x, sum_xx)
                        SELECT :org, :quiz, u.slot, 1, u.x, u.x * u.x
                        FROM unnest(CAST(:slots AS int[]), CAST(:xs AS float8[])) AS u(slot, x) ORDER BY u.slot
                        ON CONFLICT (org_id, quiz_id, slot) DO UPDATE SET n = s.n + 1,
                            sum_x = s.sum_x + EXCLUDED.sum_x, sum_xx = s.sum_xx + EXCLUDED.sum_xx""")
                .setParameter("org", orgId).setParameter("quiz", quizId)
                .setParameter("slots", arrayLiteral(slotNumbers)).setParameter("xs", arrayLiteral(scores)).executeUpdate();
    }

    private static String arrayLiteral(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QuizStats read(String orgId, String quizId) {
        var quiz = bank.quiz(quizId).orElseThrow(() -> new NotFoundException("There is no quiz '" + quizId + "'."));
        int k = quiz.quiz().questionCount();
        List<?> quizRows = entityManager.createNativeQuery(
                        "SELECT n, sum_t, sum_tt FROM quiz_statistics WHERE org_id = :org AND quiz_id = :quiz")
                .setParameter("org", orgId).setParameter("quiz", quizId).getResultList();
        long n = 0;
        double sumT = 0;
        double sumTT = 0;
        if (!quizRows.isEmpty()) {
            Object[] row = (Object[]) quizRows.get(0);
            n = ((Number) row[0]).longValue();
            sumT = ((Number) row[1]).doubleValue();
            sumTT = ((Number) row[2]).doubleValue();
        }
        Double varianceT = sampleVariance(n, sumT, sumTT);
        double sumSlotVariance = 0;
        boolean everySlotKnown = true;
        @SuppressWarnings("unchecked")
        List<Object[]> slotRows = entityManager.createNativeQuery(
                        "SELECT n, sum_x, sum_xx FROM slot_statistics WHERE org_id = :org AND quiz_id = :quiz")
                .setParameter("org", orgId).setParameter("quiz", quizId).getResultList();
        for (Object[] row : slotRows) {
            Double v = sampleVariance(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue());
            if (v == null) {
                everySlotKnown = false;
            } else {
                sumSlotVariance += v;
            }
        }
        Double alpha = null;
        if (k > 1 && varianceT != null && varianceT > 0 && everySlotKnown && slotRows.size() == k) {
            alpha = (double) k / (k - 1) * (1 - sumSlotVariance / varianceT);
        }

        @SuppressWarnings("unchecked")
        List<Object[]> questionRows = entityManager.createNativeQuery("""
                        SELECT question_id, n, sum_x, sum_xx, sum_r, sum_rr, sum_xr FROM question_statistics
                        WHERE org_id = :org AND quiz_id = :quiz ORDER BY question_id""")
                .setParameter("org", orgId).setParameter("quiz", quizId).getResultList();
        Map<String, Question> questions = bank.questions(questionRows.stream().map(r -> (String) r[0]).toList());
        List<QuestionStats> perQuestion = new ArrayList<>();
        for (Object[] row : questionRows) {
            long qn = ((Number) row[1]).longValue();
            double sx = ((Number) row[2]).doubleValue();
            double sxx = ((Number) row[3]).doubleValue();
            double sr = ((Number) row[4]).doubleValue();
            double srr = ((Number) row[5]).doubleValue();
            double sxr = ((Number) row[6]).doubleValue();
            Double discrimination = null;
            double cxx = sxx - sx * sx / qn;
            double crr = srr - sr * sr / qn;
            double cxr = sxr - sx * sr / qn;
            if (qn > 1 && cxx > 1e-12 && crr > 1e-12) {
                discrimination = 100 * cxr / Math.sqrt(cxx * crr);
            }
            Double sd = sampleVariance(qn, sx, sxx);
            Question q = questions.get((String) row[0]);
            perQuestion.add(new QuestionStats((String) row[0], q == null ? null : q.type().name(),
                    q == null ? null : q.prompt(), qn, round(100 * sx / qn), sd == null ? null : round(100 * Math.sqrt(sd)),
                    discrimination == null ? null : round(discrimination)));
        }
        Double mean = n == 0 ? null : round(100 * (sumT / n) / k);
        return new QuizStats(quizId, orgId, n, k, mean, varianceT == null ? null : round(100 * Math.sqrt(varianceT) / k),
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
}
