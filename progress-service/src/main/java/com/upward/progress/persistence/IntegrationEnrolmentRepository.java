package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** integration_enrolment: each LMS row, by the organisation and the LMS's external id. */
@ApplicationScoped
public class IntegrationEnrolmentRepository {

    /** What a row with this external id enrolled. */
    public record Known(String learnerId, String courseId, LocalDate dueDate) {
    }

    @Inject
    EntityManager entityManager;

    /** The rows already received under these external ids, locked until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Known> known(String orgId, Collection<String> externalIds) {
        Map<String, Known> known = new HashMap<>();
        if (externalIds.isEmpty()) {
            return known;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT external_id, learner_id, course_id, due_date FROM integration_enrolment
                        WHERE org_id = :org AND external_id IN (:ids) FOR UPDATE""")
                .setParameter("org", orgId).setParameter("ids", externalIds).getResultList();
        rows.forEach(row -> known.put(Rows.text(row[0]), new Known(Rows.text(row[1]), Rows.text(row[2]), Rows.localDate(row[3]))));
        return known;
    }

    /** True when this external id was new; false when another request stored it meanwhile. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(String orgId, String externalId, String learnerId, String courseId, LocalDate dueDate, String clientId,
                       Instant at) {
        return entityManager.createNativeQuery("""
                        INSERT INTO integration_enrolment (org_id, external_id, learner_id, course_id, due_date, client_id,
                            received_at, updated_at)
                        VALUES (:org, :external, :learner, :course, :due, :client, :at, :at)
                        ON CONFLICT (org_id, external_id) DO NOTHING""")
                .setParameter("org", orgId).setParameter("external", externalId).setParameter("learner", learnerId)
                .setParameter("course", courseId).setParameter("due", dueDate).setParameter("client", clientId)
                .setParameter("at", at).executeUpdate() > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updateDueDate(String orgId, String externalId, LocalDate dueDate, Instant at) {
        entityManager.createNativeQuery("""
                        UPDATE integration_enrolment SET due_date = :due, updated_at = :at
                        WHERE org_id = :org AND external_id = :external""")
                .setParameter("due", dueDate).setParameter("at", at).setParameter("org", orgId)
                .setParameter("external", externalId).executeUpdate();
    }
}
