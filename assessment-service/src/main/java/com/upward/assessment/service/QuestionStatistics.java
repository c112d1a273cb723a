package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.domain.ItemAnalysis;
import com.upward.assessment.domain.ItemAnalysis.QuestionSums;
import com.upward.assessment.domain.ItemAnalysis.QuizFigures;
import com.upward.assessment.domain.ItemAnalysis.SlotSums;
import com.upward.assessment.domain.ItemAnalysis.TestSums;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Question statistics over each organisation's first attempts, kept as running sums updated in the scoring
 * transaction (so a report reads a handful of rows and never scans attempts); the figures are {@link ItemAnalysis}'s.
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

    /** The figures of one organisation's first attempts at a quiz, with the bank's questions they name. */
    public record Report(String quizId, String orgId, QuizFigures figures, Map<String, Question> questions) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report read(String orgId, String quizId) {
        var quiz = bank.quiz(quizId).orElseThrow(() -> new NotFoundException("There is no quiz '" + quizId + "'."));
        int k = quiz.quiz().questionCount();
        List<?> quizRows = entityManager.createNativeQuery(
                        "SELECT n, sum_t, sum_tt FROM quiz_statistics WHERE org_id = :org AND quiz_id = :quiz")
                .setParameter("org", orgId).setParameter("quiz", quizId).getResultList();
        TestSums test = TestSums.NONE;
        if (!quizRows.isEmpty()) {
            Object[] row = (Object[]) quizRows.get(0);
            test = new TestSums(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> slotRows = entityManager.createNativeQuery(
                        "SELECT slot, n, sum_x, sum_xx FROM slot_statistics WHERE org_id = :org AND quiz_id = :quiz")
                .setParameter("org", orgId).setParameter("quiz", quizId).getResultList();
        List<SlotSums> slots = slotRows.stream().map(row -> new SlotSums(((Number) row[0]).intValue(),
                ((Number) row[1]).longValue(), ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue())).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> questionRows = entityManager.createNativeQuery("""
                        SELECT question_id, n, sum_x, sum_xx, sum_r, sum_rr, sum_xr FROM question_statistics
                        WHERE org_id = :org AND quiz_id = :quiz ORDER BY question_id""")
                .setParameter("org", orgId).setParameter("quiz", quizId).getResultList();
        List<QuestionSums> questions = questionRows.stream().map(row -> new QuestionSums((String) row[0],
                ((Number) row[1]).longValue(), ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue(),
                ((Number) row[4]).doubleValue(), ((Number) row[5]).doubleValue(), ((Number) row[6]).doubleValue())).toList();
        return new Report(quizId, orgId, ItemAnalysis.of(k, test, slots, questions),
                bank.questions(questions.stream().map(QuestionSums::questionId).toList()));
    }
}
