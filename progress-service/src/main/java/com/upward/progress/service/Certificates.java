package com.upward.progress.service;

import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Issued certificates: the public verification answer and the learner's own list. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Certificates {

    /** What anyone may see: the name, the course and the date, nothing else. */
    public record Verification(String certificateId, String learnerName, String courseTitle, Instant completedAt) {
    }

    public record OwnCertificate(String certificateId, String courseId, String courseTitle, int version,
                                 Instant completedAt, double finalPercent) {
    }

    @Inject
    EntityManager entityManager;

    public Verification verify(String certificateId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT c.certificate_id, p.display_name, c.course_title, c.completed_at
                        FROM certificate c LEFT JOIN learner_profile p ON p.learner_id = c.learner_id
                        WHERE c.certificate_id = :id""")
                .setParameter("id", certificateId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("There is no certificate '" + certificateId + "'.");
        }
        Object[] row = rows.get(0);
        // The name comes from the learner's token; until they have called the service it is not known.
        String name = row[1] == null ? "Name not on record" : (String) row[1];
        return new Verification((String) row[0], name, (String) row[2], (Instant) row[3]);
    }

    public List<OwnCertificate> mine(String learnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT certificate_id, course_id, course_title, version, completed_at, final_percent
                        FROM certificate WHERE learner_id = :learner ORDER BY completed_at, course_id""")
                .setParameter("learner", learnerId).getResultList();
        return rows.stream().map(row -> new OwnCertificate((String) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), (Instant) row[4], ((Number) row[5]).doubleValue())).toList();
    }
}
