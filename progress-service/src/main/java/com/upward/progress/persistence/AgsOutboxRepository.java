package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** ags_outbox: scores for the platforms' line items and their delivery state. */
@ApplicationScoped
public class AgsOutboxRepository {

    /** A score due for delivery. */
    public record Due(long position, UUID platformId, String lineitemUrl, String score, int attempts) {
    }

    /** One sender per database at a time, like the xAPI sender (another lock id). */
    private static final long SENDER_LOCK = 0x7570776172646167L;

    @Inject
    EntityManager entityManager;

    /** True the first time this result is stored for this line item. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(String resultKey, UUID platformId, String lineitemUrl, String score) {
        return entityManager.createNativeQuery("""
                        INSERT INTO ags_outbox (result_key, platform_id, lineitem_url, score)
                        VALUES (:key, :platform, :lineitem, :score) ON CONFLICT (result_key) DO NOTHING""")
                .setParameter("key", resultKey).setParameter("platform", platformId)
                .setParameter("lineitem", lineitemUrl).setParameter("score", score).executeUpdate() > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLeadSending() {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", SENDER_LOCK).getSingleResult();
    }

    /** Due scores in position order, so a learner's scores reach a line item in the order they happened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Due> due(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT position, platform_id, lineitem_url, score, attempts FROM ags_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY position LIMIT :limit""")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new Due(Rows.count(row[0]), (UUID) row[1], Rows.text(row[2]), Rows.text(row[3]),
                Rows.integer(row[4]))).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void sent(long position) {
        entityManager.createNativeQuery("""
                        UPDATE ags_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = clock_timestamp()
                        WHERE position = :position""").setParameter("position", position).executeUpdate();
    }

    /** A failed attempt: retried after an exponential backoff, FAILED at max attempts (or at once when final). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retry(long position, String error, boolean finalFailure, int maxAttempts, Duration base, Duration cap) {
        entityManager.createNativeQuery("""
                        UPDATE ags_outbox SET attempts = attempts + 1, last_error = :error,
                            status = CASE WHEN :final OR attempts + 1 >= :max THEN 'FAILED' ELSE 'PENDING' END,
                            next_attempt_at = clock_timestamp() + make_interval(secs => least(:cap,
                                :base * power(2, least(attempts, 30))) / 1000.0)
                        WHERE position = :position""")
                .setParameter("error", error).setParameter("final", finalFailure).setParameter("max", maxAttempts)
                .setParameter("cap", (double) cap.toMillis()).setParameter("base", (double) base.toMillis())
                .setParameter("position", position).executeUpdate();
    }
}
