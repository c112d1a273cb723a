package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issued certificates (owned state, kept across a read-model rebuild). */
@ApplicationScoped
public class CertificateRepository {

    /** A certificate with its learner's display name, null until the learner has called the service. */
    public record Named(String certificateId, String displayName, String courseTitle, Instant completedAt) {
    }

    public record Issued(String certificateId, String courseId, String courseTitle, int version, Instant completedAt,
                         double finalPercent) {
    }

    /** What a learner's summary row needs of their certificate in a course. */
    public record Held(String certificateId, Instant completedAt) {
    }

    @Inject
    EntityManager entityManager;

    public Optional<Named> named(String certificateId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT c.certificate_id, p.display_name, c.course_title, c.completed_at
                        FROM certificate c LEFT JOIN learner_profile p ON p.learner_id = c.learner_id
                        WHERE c.certificate_id = :id""")
                .setParameter("id", certificateId).getResultList();
        return rows.stream().findFirst().map(row -> new Named(Rows.text(row[0]), Rows.text(row[1]), Rows.text(row[2]),
                Rows.instant(row[3])));
    }

    public List<Issued> ofLearner(String learnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT certificate_id, course_id, course_title, version, completed_at, final_percent
                        FROM certificate WHERE learner_id = :learner ORDER BY completed_at, course_id""")
                .setParameter("learner", learnerId).getResultList();
        return rows.stream().map(row -> new Issued(Rows.text(row[0]), Rows.text(row[1]), Rows.text(row[2]),
                Rows.integer(row[3]), Rows.instant(row[4]), Rows.decimal(row[5]))).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String certificateId, String learnerId, String courseId, String orgId, int version, String courseTitle,
                    Instant completedAt, double finalPercent, Instant issuedAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO certificate (certificate_id, learner_id, course_id, org_id, version, course_title,
                            completed_at, final_percent, issued_at)
                        VALUES (:id, :learner, :course, :org, :version, :title, :completed, :percent, :now)""")
                .setParameter("now", issuedAt).setParameter("id", certificateId).setParameter("learner", learnerId)
                .setParameter("course", courseId).setParameter("org", orgId)
                .setParameter("version", version).setParameter("title", courseTitle)
                .setParameter("completed", completedAt).setParameter("percent", BigDecimal.valueOf(finalPercent))
                .executeUpdate();
    }
}
