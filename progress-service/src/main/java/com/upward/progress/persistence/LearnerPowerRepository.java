package com.upward.progress.persistence;

import com.upward.platform.events.contract.PowerType;
import com.upward.progress.domain.CourseState.PowerTotal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.Map;

/** learner_power: a learner's scores per power type in a course, for the mastery report. */
@ApplicationScoped
public class LearnerPowerRepository {

    @Inject
    EntityManager entityManager;

    /** The learner's rows in the course become these. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(String learnerId, String courseId, String orgId, Map<PowerType, PowerTotal> power) {
        entityManager.createNativeQuery("DELETE FROM learner_power WHERE learner_id = :learner AND course_id = :course")
                .setParameter("learner", learnerId).setParameter("course", courseId).executeUpdate();
        for (Map.Entry<PowerType, PowerTotal> entry : power.entrySet()) {
            entityManager.createNativeQuery("""
                            INSERT INTO learner_power (learner_id, course_id, org_id, power_type, correct, total, mastered)
                            VALUES (:learner, :course, :org, :type, :correct, :total, :mastered)""")
                    .setParameter("learner", learnerId).setParameter("course", courseId).setParameter("org", orgId)
                    .setParameter("type", entry.getKey().name())
                    .setParameter("correct", BigDecimal.valueOf(entry.getValue().correct()))
                    .setParameter("total", entry.getValue().total()).setParameter("mastered", entry.getValue().mastered())
                    .executeUpdate();
        }
    }
}
