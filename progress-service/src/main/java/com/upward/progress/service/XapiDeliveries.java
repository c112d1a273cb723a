package com.upward.progress.service;

import com.upward.progress.config.XapiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** What the admin of an organisation sees of the xAPI delivery to their LRS. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class XapiDeliveries {

    /** Counts of statements by state, and the newest failure reason (of a retry or a give-up). */
    public record Summary(boolean lrsConfigured, long pending, long sent, long failed, String lastError,
                          Instant lastErrorAt) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    XapiConfig config;

    public Summary summary(String orgId) {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entityManager.createNativeQuery(
                        "SELECT status, count(*) FROM xapi_outbox WHERE org_id = :org GROUP BY status")
                .setParameter("org", orgId).getResultList();
        long pending = 0;
        long sent = 0;
        long failed = 0;
        for (Object[] row : counts) {
            long n = ((Number) row[1]).longValue();
            switch ((String) row[0]) {
                case "PENDING" -> pending = n;
                case "SENT" -> sent = n;
                default -> failed = n;
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> error = entityManager.createNativeQuery("""
                        SELECT last_error, last_attempt_at FROM xapi_outbox WHERE org_id = :org AND last_error IS NOT NULL
                        ORDER BY last_attempt_at DESC LIMIT 1""")
                .setParameter("org", orgId).getResultList();
        return new Summary(config.delivers(orgId), pending, sent, failed,
                error.isEmpty() ? null : (String) error.get(0)[0], error.isEmpty() ? null : (Instant) error.get(0)[1]);
    }
}
