package com.upward.progress.persistence;

import com.upward.platform.events.DeliverySender;
import com.upward.platform.events.DeliveryTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** ags_outbox: scores for the platforms' line items and their delivery state. */
@ApplicationScoped
public class AgsOutboxRepository {

    /** The table as the delivery outbox sends it: one sender per database at a time, like the xAPI sender (another lock id). */
    public static final DeliveryTable TABLE = new DeliveryTable("ags_outbox", "position", "SENT", "sent_at", 0x7570776172646167L);

    /** A score due for delivery (key: its position). */
    public record Due(long key, UUID platformId, String lineitemUrl, String score, int attempts) implements DeliverySender.Row {
    }

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

    /** The first due score in position order, so a learner's scores reach a line item in the order they happened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Due> nextDue() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT position, platform_id, lineitem_url, score, attempts FROM ags_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY position LIMIT 1""")
                .getResultList();
        return rows.stream().findFirst().map(row -> new Due(Rows.count(row[0]), (UUID) row[1], Rows.text(row[2]),
                Rows.text(row[3]), Rows.integer(row[4])));
    }
}
