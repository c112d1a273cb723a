package com.upward.progress.persistence;

import com.upward.platform.events.contract.PowerType;
import com.upward.progress.domain.CourseState.PowerTotal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** learner_power: a learner's scores per power type in a course, for the mastery report. */
@ApplicationScoped
public class LearnerPowerRepository {

    @Inject
    EntityManager entityManager;

    /**
     * The learner's rows in the course become these, in one statement: rows of other power types go, the others are
     * written only when they changed (a refresh after a lesson leaves them as they are).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(String learnerId, String courseId, String orgId, Map<PowerType, PowerTotal> power) {
        List<Map.Entry<PowerType, PowerTotal>> rows = List.copyOf(power.entrySet());
        entityManager.createNativeQuery("""
                        WITH given AS (
                            SELECT * FROM unnest(CAST(:types AS text[]), CAST(:corrects AS numeric[]), CAST(:totals AS int[]),
                                                 CAST(:mastered AS boolean[])) AS t(power_type, correct, total, mastered)),
                        gone AS (
                            DELETE FROM learner_power WHERE learner_id = :learner AND course_id = :course
                                AND power_type NOT IN (SELECT power_type FROM given))
                        INSERT INTO learner_power (learner_id, course_id, org_id, power_type, correct, total, mastered)
                        SELECT :learner, :course, :org, power_type, correct, total, mastered FROM given
                        ON CONFLICT (learner_id, course_id, power_type) DO UPDATE
                            SET org_id = EXCLUDED.org_id, correct = EXCLUDED.correct, total = EXCLUDED.total,
                                mastered = EXCLUDED.mastered
                            WHERE (learner_power.org_id, learner_power.correct, learner_power.total, learner_power.mastered)
                                IS DISTINCT FROM (EXCLUDED.org_id, EXCLUDED.correct, EXCLUDED.total, EXCLUDED.mastered)""")
                .setParameter("learner", learnerId).setParameter("course", courseId).setParameter("org", orgId)
                .setParameter("types", rows.stream().map(row -> row.getKey().name()).toArray(String[]::new))
                .setParameter("corrects", rows.stream().map(row -> BigDecimal.valueOf(row.getValue().correct())).toArray(BigDecimal[]::new))
                .setParameter("totals", rows.stream().map(row -> row.getValue().total()).toArray(Integer[]::new))
                .setParameter("mastered", rows.stream().map(row -> row.getValue().mastered()).toArray(Boolean[]::new))
                .executeUpdate();
    }
}
