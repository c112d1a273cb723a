package com.upward.progress.persistence;

import com.upward.platform.events.DeliverySender;
import com.upward.platform.events.DeliveryTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** xapi_outbox: the xAPI statements for each organisation's LRS and their delivery state. */
@ApplicationScoped
public class XapiOutboxRepository {

    /** The table as the delivery outbox sends it: one sender per database at a time (an advisory lock). */
    public static final DeliveryTable TABLE = new DeliveryTable("xapi_outbox", "position", "SENT", "sent_at", 0x7570776172647870L);

    /** A statement due for delivery (key: its position); sessionId names the cmi5 session whose LRS takes it (null: the org's LRS). */
    public record Due(long key, String orgId, String statement, int attempts, UUID sessionId) implements DeliverySender.Row {
    }

    /** The newest failed attempt's reason and time. */
    public record LastError(String error, Instant at) {
    }

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
}
