package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** xapi_outbox: the xAPI statements for each organisation's LRS and their delivery state. */
@ApplicationScoped
public class XapiOutboxRepository {

    /** A statement due for delivery; sessionId names the cmi5 session whose LRS takes it (null: the org's LRS). */
    public record Due(long position, String orgId, String statement, int attempts, UUID sessionId) {
    }

    /** The newest failed attempt's reason and time. */
    public record LastError(String error, Instant at) {
    }

    /** One sender per database at a time: the sender that holds it until its transaction ends. */
    private static final long SENDER_LOCK = 0x7570776172647870L;

    @Inject
    EntityManager entityManager;

    /** True the first time the statement is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(UUID statementId, String orgId, String verb, String statement) {
        return add(statementId, orgId, verb, statement, null);
    }

    /** True the first time the statement is stored; for a cmi5 session's LRS when sessionId is set. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(UUID statementId, String orgId, String verb, String statement, UUID sessionId) {
        return entityManager.createNativeQuery("""
                        INSERT INTO xapi_outbox (statement_id, org_id, verb, statement, session_id)
                        VALUES (:id, :org, :verb, :statement, :session)
                        ON CONFLICT (statement_id) DO NOTHING""")
                .setParameter("id", statementId).setParameter("org", orgId)
                .setParameter("verb", verb).setParameter("statement", statement)
                .setParameter("session", sessionId)
                .executeUpdate() > 0;
    }

    /** The organisation's statement counts by status. */
    public Map<String, Long> countsByStatus(String orgId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT status, count(*) FROM xapi_outbox WHERE org_id = :org GROUP BY status")
                .setParameter("org", orgId).getResultList();
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put(Rows.text(row[0]), Rows.count(row[1])));
        return counts;
    }

    public Optional<LastError> lastError(String orgId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT last_error, last_attempt_at FROM xapi_outbox WHERE org_id = :org AND last_error IS NOT NULL
                        ORDER BY last_attempt_at DESC LIMIT 1""")
                .setParameter("org", orgId).getResultList();
        return rows.stream().findFirst().map(row -> new LastError(Rows.text(row[0]), Rows.instant(row[1])));
    }

    /** True if this transaction is now the one sender; false if another holds the lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLeadSending() {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", SENDER_LOCK).getSingleResult();
    }

    /**
     * The due statements (at most limit) of the destination (an organisation's LRS, or one cmi5 session's) whose oldest
     * statement is due first, in position order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Due> due(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        WITH first AS (SELECT org_id, session_id FROM xapi_outbox
                            WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY position LIMIT 1)
                        SELECT o.position, o.org_id, o.statement, o.attempts, CAST(o.session_id AS TEXT) FROM xapi_outbox o, first f
                        WHERE o.status = 'PENDING' AND o.next_attempt_at <= now() AND o.org_id = f.org_id
                            AND o.session_id IS NOT DISTINCT FROM f.session_id
                        ORDER BY o.position LIMIT :limit""")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new Due(Rows.count(row[0]), Rows.text(row[1]), Rows.text(row[2]),
                Rows.integer(row[3]), row[4] == null ? null : UUID.fromString(Rows.text(row[4])))).toList();
    }

    /** A failed attempt: retried after an exponential backoff (base doubled per attempt, at most cap), FAILED at max. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retry(List<Long> positions, String error, int maxAttempts, Duration base, Duration cap) {
        entityManager.createNativeQuery("""
                        UPDATE xapi_outbox SET attempts = attempts + 1, last_attempt_at = clock_timestamp(), last_error = :error,
                            status = CASE WHEN attempts + 1 >= :max THEN 'FAILED' ELSE 'PENDING' END,
                            next_attempt_at = clock_timestamp() + make_interval(secs => least(:cap,
                                :base * power(2, least(attempts, 30))) / 1000.0)
                        WHERE position IN (:positions)""")
                .setParameter("error", error).setParameter("max", maxAttempts)
                .setParameter("cap", (double) cap.toMillis())
                .setParameter("base", (double) base.toMillis())
                .setParameter("positions", positions).executeUpdate();
    }

    /** SENT or FAILED, counting the attempt; a null error keeps the last one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mark(List<Long> positions, String status, String error) {
        entityManager.createNativeQuery("""
                        UPDATE xapi_outbox SET status = :status, attempts = attempts + 1,
                            last_attempt_at = clock_timestamp(), last_error = coalesce(:error, last_error),
                            sent_at = CASE WHEN :status = 'SENT' THEN clock_timestamp() ELSE sent_at END
                        WHERE position IN (:positions)""")
                .setParameter("status", status).setParameter("error", error).setParameter("positions", positions)
                .executeUpdate();
    }
}
