package com.upward.progress.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.events.contract.QuizAttemptScored.GradingMethod;
import com.upward.platform.events.contract.QuizAttemptScored.PowerScore;
import com.upward.platform.web.JsonText;
import com.upward.progress.domain.CourseState.Attempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** quiz_attempt: every scored attempt, from upward.quiz.attempt-scored. */
@ApplicationScoped
public class QuizAttemptRepository {

    private static final TypeReference<Map<PowerType, PowerScore>> POWER_SCORES = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** True the first time the attempt is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(QuizAttemptScored attempt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO quiz_attempt (attempt_id, learner_id, org_id, course_id, quiz_id, attempt_number,
                            percent, passed, by_power_type, submitted_at, grading_method, graded_attempt_id)
                        VALUES (:attempt, :learner, :org, :course, :quiz, :number, :percent, :passed,
                            CAST(:power AS JSONB), :at, :method, :graded)
                        ON CONFLICT (attempt_id) DO NOTHING""")
                .setParameter("attempt", attempt.attemptId()).setParameter("learner", attempt.learnerId())
                .setParameter("org", attempt.orgId()).setParameter("course", attempt.courseId())
                .setParameter("quiz", attempt.quizId()).setParameter("number", attempt.attemptNumber())
                .setParameter("percent", BigDecimal.valueOf(attempt.percent())).setParameter("passed", attempt.passed())
                .setParameter("power", JsonText.write(mapper, attempt.byPowerType())).setParameter("at", attempt.submittedAt())
                .setParameter("method", attempt.gradingMethod().name()).setParameter("graded", attempt.gradedAttemptId())
                .executeUpdate() > 0;
    }

    /** A learner's attempts in a course, without their scores per power type (see {@link #powerScores}). */
    public List<Attempt> ofLearner(String learnerId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT attempt_id, quiz_id, attempt_number, percent, submitted_at, grading_method, graded_attempt_id
                        FROM quiz_attempt WHERE learner_id = :learner AND course_id = :course""")
                .setParameter("learner", learnerId).setParameter("course", courseId).getResultList();
        return rows.stream().map(row -> new Attempt(Rows.text(row[0]), Rows.text(row[1]), Rows.integer(row[2]),
                Rows.decimal(row[3]), Rows.instant(row[4]), Map.<PowerType, PowerScore>of(),
                GradingMethod.valueOf(Rows.text(row[5])), Rows.text(row[6]))).toList();
    }

    /** The scores per power type of these attempts only, by attempt id. */
    public Map<String, Map<PowerType, PowerScore>> powerScores(Collection<String> attemptIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT attempt_id, CAST(by_power_type AS TEXT) FROM quiz_attempt WHERE attempt_id IN (:ids)""")
                .setParameter("ids", attemptIds).getResultList();
        Map<String, Map<PowerType, PowerScore>> scores = new HashMap<>();
        rows.forEach(row -> scores.put(Rows.text(row[0]),
                JsonText.read(mapper, Rows.text(row[1]), POWER_SCORES, "A stored by_power_type")));
        return scores;
    }

    /** The organisation of the learner's attempts in the course. */
    public String orgOf(String learnerId, String courseId) {
        return (String) entityManager.createNativeQuery(
                        "SELECT org_id FROM quiz_attempt WHERE learner_id = :learner AND course_id = :course LIMIT 1")
                .setParameter("learner", learnerId).setParameter("course", courseId).getSingleResult();
    }
}
