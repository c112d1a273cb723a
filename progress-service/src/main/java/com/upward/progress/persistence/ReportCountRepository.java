package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;

/** report_counts: how many learners share each combination of the dimensions the reports count by. */
@ApplicationScoped
public class ReportCountRepository {

    /** One row's dimensions: no score is -1, no due date 9999-12-31 (as stored). */
    public record Key(String orgId, String courseId, String status, boolean passed, BigDecimal score, LocalDate due) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void increment(Key key) {
        bind(entityManager.createNativeQuery("""
                        INSERT INTO report_counts (org_id, course_id, status, quizzes_passed, score, due_date, learners)
                        VALUES (:org, :course, :status, :passed, :score, :due, 1)
                        ON CONFLICT (org_id, course_id, status, quizzes_passed, score, due_date)
                        DO UPDATE SET learners = report_counts.learners + 1"""), key).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decrement(Key key) {
        String match = " WHERE org_id = :org AND course_id = :course AND status = :status AND quizzes_passed = :passed"
                + " AND score = :score AND due_date = :due";
        // The last learner of a key removes its row (no zero rows, so a rebuild gives the same table).
        int deleted = bind(entityManager.createNativeQuery("DELETE FROM report_counts" + match + " AND learners = 1"),
                key).executeUpdate();
        if (deleted == 0) {
            bind(entityManager.createNativeQuery("UPDATE report_counts SET learners = learners - 1" + match), key)
                    .executeUpdate();
        }
    }

    private static Query bind(Query query, Key key) {
        return query.setParameter("org", key.orgId()).setParameter("course", key.courseId())
                .setParameter("status", key.status()).setParameter("passed", key.passed())
                .setParameter("score", key.score()).setParameter("due", key.due());
    }
}
