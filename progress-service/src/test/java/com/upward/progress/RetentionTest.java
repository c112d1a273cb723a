package com.upward.progress;

import com.upward.platform.events.RetentionPruner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Old published outbox rows, old inbox ids and old delivered xAPI statements go; recent and pending rows stay. */
@QuarkusTest
class RetentionTest {

    @Inject
    EntityManager entityManager;

    @Inject
    RetentionPruner pruner;

    @Test
    void expiredRowsGoInSmallBatchesAndTheRestStays() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant old = Instant.now().minus(Duration.ofDays(30));
        Instant recent = Instant.now().minus(Duration.ofHours(1));
        QuarkusTransaction.requiringNew().run(() -> {
            // Five old inbox ids: more than the test batch size (2), so the pruner has to loop.
            for (int i = 0; i < 5; i++) {
                inbox(run + "-old-" + i, old);
            }
            inbox(run + "-recent", recent);
            outbox(run + "-published-old", old, old);
            outbox(run + "-published-recent", recent, recent);
            outbox(run + "-unpublished-old", old, null);
            xapi(run + "-sent-old", "SENT", old);
            xapi(run + "-sent-recent", "SENT", recent);
            xapi(run + "-failed-old", "FAILED", null);
        });

        Map<String, Long> deleted = pruner.pruneAll();

        assertTrue(deleted.get("inbox_event") >= 5, deleted.toString());
        assertEquals(0, count("SELECT count(*) FROM inbox_event WHERE event_id LIKE ?1", run + "-old-%"));
        assertEquals(1, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", run + "-recent"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE type = ?1", run + "-published-old"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = ?1", run + "-published-recent"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = ?1", run + "-unpublished-old"),
                "an unpublished row is never pruned, however old (the relay may publish it meanwhile: then it is recent)");
        assertEquals(0, count("SELECT count(*) FROM xapi_outbox WHERE verb = ?1", run + "-sent-old"));
        assertEquals(1, count("SELECT count(*) FROM xapi_outbox WHERE verb = ?1", run + "-sent-recent"));
        assertEquals(1, count("SELECT count(*) FROM xapi_outbox WHERE verb = ?1", run + "-failed-old"),
                "a statement that could not be delivered stays for someone to look at");
    }

    private void inbox(String eventId, Instant receivedAt) {
        entityManager.createNativeQuery("INSERT INTO inbox_event (event_id, type, topic, received_at) VALUES (:id, 't', 't', :at)")
                .setParameter("id", eventId).setParameter("at", receivedAt).executeUpdate();
    }

    private void outbox(String type, Instant occurredAt, Instant publishedAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, type, topic, event_key, source, occurred_at, payload, published_at)
                        VALUES (:id, :type, 'upward.progress', 'k', '/tests', :occurred, CAST('{}' AS JSONB), :published)""")
                .setParameter("id", UUID.randomUUID()).setParameter("type", type).setParameter("occurred", occurredAt)
                .setParameter("published", publishedAt).executeUpdate();
    }

    private void xapi(String verb, String status, Instant sentAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO xapi_outbox (statement_id, org_id, verb, statement, status, sent_at)
                        VALUES (:id, 'retention-test', :verb, '{}', :status, :sent)""")
                .setParameter("id", UUID.randomUUID()).setParameter("verb", verb).setParameter("status", status)
                .setParameter("sent", sentAt).executeUpdate();
    }

    private long count(String sql, Object parameter) {
        return TestEvents.count(entityManager, sql, parameter);
    }
}
