package com.upward.assessment.persistence;

import com.upward.assessment.domain.ItemAnalysis.QuestionSums;
import com.upward.assessment.domain.ItemAnalysis.SlotSums;
import com.upward.assessment.domain.ItemAnalysis.TestSums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The running sums over each organisation's first attempts at each quiz: per quiz ({@code quiz_statistics}), per
 * question ({@code question_statistics}) and per slot ({@code slot_statistics}). With x = a question's score (0..1),
 * t = the attempt's total and r = t - x.
 */
@ApplicationScoped
public class StatisticsRepository {

    @Inject
    EntityManager entityManager;

    /** Adds one scored first attempt: question ids and slots in the attempt's order, scores 0..1. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String orgId, String quizId, int slots, List<String> questionIds, List<Integer> slotNumbers, List<Double> scores) {
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

    /** The quiz's totals; {@link TestSums#NONE} before its first attempt. */
    public TestSums test(String orgId, String quizId) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT n, sum_t, sum_tt FROM quiz_statistics WHERE org_id = :org AND quiz_id = :quiz")
                .setParameter("org", orgId).setParameter("quiz", quizId).getResultList();
        if (rows.isEmpty()) {
            return TestSums.NONE;
        }
        Object[] row = (Object[]) rows.get(0);
        return new TestSums(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue());
    }

    public List<SlotSums> slots(String orgId, String quizId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT slot, n, sum_x, sum_xx FROM slot_statistics WHERE org_id = :org AND quiz_id = :quiz ORDER BY slot")
                .setParameter("org", orgId).setParameter("quiz", quizId).getResultList();
        return rows.stream().map(row -> new SlotSums(((Number) row[0]).intValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue())).toList();
    }

    /** Per question, in question id order. */
    public List<QuestionSums> questions(String orgId, String quizId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT question_id, n, sum_x, sum_xx, sum_r, sum_rr, sum_xr FROM question_statistics
                        WHERE org_id = :org AND quiz_id = :quiz ORDER BY question_id""")
                .setParameter("org", orgId).setParameter("quiz", quizId).getResultList();
        return rows.stream().map(row -> new QuestionSums((String) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue(),
                ((Number) row[5]).doubleValue(), ((Number) row[6]).doubleValue())).toList();
    }

    private static String arrayLiteral(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
