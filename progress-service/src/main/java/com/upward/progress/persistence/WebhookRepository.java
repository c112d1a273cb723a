package com.upward.progress.persistence;

import com.upward.progress.domain.Webhook;
import com.upward.progress.domain.WebhookDelivery;
import com.upward.platform.events.DeliverySender;
import com.upward.platform.events.DeliveryTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** webhook and webhook_delivery: the registrations, their outbox and its log. */
@ApplicationScoped
public class WebhookRepository {

    /** webhook_delivery as the delivery outbox sends it: each sender locks the row it posts (no sender lock). */
    public static final DeliveryTable DELIVERIES = new DeliveryTable("webhook_delivery", "id", "DELIVERED", "delivered_at", null);

    /** A delivery due now (key: its id), locked for this transaction, with what it takes to send it. */
    public record Due(long key, UUID eventId, String eventType, String body, int attempts, String url, String secret)
            implements DeliverySender.Row {
    }

    private static final String WEBHOOK_COLUMNS = "id, org_id, url, secret, events, active, description, created_at, updated_at";
    private static final String DELIVERY_COLUMNS = """
            id, event_id, event_type, status, attempts, last_status, last_error, created_at, last_attempt_at,
            next_attempt_at, delivered_at""";

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Webhook webhook) {
        entityManager.createNativeQuery("""
                        INSERT INTO webhook (id, org_id, url, secret, events, active, description, created_at, updated_at)
                        VALUES (:id, :org, :url, :secret, CAST(:events AS text[]), :active, :description, :at, :at)""")
                .setParameter("id", webhook.id()).setParameter("org", webhook.orgId()).setParameter("url", webhook.url())
                .setParameter("secret", webhook.secret()).setParameter("events", textArray(webhook.events()))
                .setParameter("active", webhook.active()).setParameter("description", webhook.description())
                .setParameter("at", webhook.createdAt()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Webhook webhook) {
        entityManager.createNativeQuery("""
                        UPDATE webhook SET url = :url, events = CAST(:events AS text[]), active = :active,
                            description = :description, updated_at = :at WHERE id = :id AND org_id = :org""")
                .setParameter("id", webhook.id()).setParameter("org", webhook.orgId()).setParameter("url", webhook.url())
                .setParameter("events", textArray(webhook.events())).setParameter("active", webhook.active())
                .setParameter("description", webhook.description()).setParameter("at", webhook.updatedAt()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(String orgId, UUID id) {
        return entityManager.createNativeQuery("DELETE FROM webhook WHERE id = :id AND org_id = :org")
                .setParameter("id", id).setParameter("org", orgId).executeUpdate() > 0;
    }

    public long count(String orgId) {
        return Rows.count(entityManager.createNativeQuery("SELECT count(*) FROM webhook WHERE org_id = :org")
                .setParameter("org", orgId).getSingleResult());
    }

    public List<Webhook> ofOrganisation(String orgId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + WEBHOOK_COLUMNS
                        + " FROM webhook WHERE org_id = :org ORDER BY created_at, id")
                .setParameter("org", orgId).getResultList();
        return rows.stream().map(WebhookRepository::webhook).toList();
    }

    /** The organisation's webhook; empty for another organisation's, as for none. */
    public Optional<Webhook> find(String orgId, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + WEBHOOK_COLUMNS
                        + " FROM webhook WHERE id = :id AND org_id = :org")
                .setParameter("id", id).setParameter("org", orgId).getResultList();
        return rows.stream().findFirst().map(WebhookRepository::webhook);
    }

    /**
     * Enqueues the event for every active webhook of the organisation subscribed to its type (or the one webhook
     * named, active or not); returns how many deliveries were added. An event already enqueued for a webhook adds nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(String orgId, UUID webhookId, UUID eventId, String eventType, String body) {
        return entityManager.createNativeQuery("""
                        INSERT INTO webhook_delivery (webhook_id, org_id, event_id, event_type, body)
                        SELECT id, org_id, :event, :type, :body FROM webhook
                        WHERE org_id = :org AND (CAST(:webhook AS uuid) IS NULL AND active AND :type = ANY (events)
                            OR id = CAST(:webhook AS uuid))
                        ON CONFLICT (webhook_id, event_id) DO NOTHING""")
                .setParameter("org", orgId).setParameter("webhook", webhookId == null ? null : webhookId.toString())
                .setParameter("event", eventId).setParameter("type", eventType).setParameter("body", body)
                .executeUpdate();
    }

    /**
     * The oldest due delivery no other sender holds, locked until this transaction ends; empty when none is due. A
     * deactivated webhook's deliveries wait until it is active again, except test events, which an admin sent on purpose.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Due> lockNextDue() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT d.id, d.event_id, d.event_type, d.body, d.attempts, w.url, w.secret
                        FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= clock_timestamp()
                            AND (w.active OR d.event_type = 'webhook.test')
                        ORDER BY d.next_attempt_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED""")
                .getResultList();
        return rows.stream().findFirst().map(row -> new Due(Rows.count(row[0]), (UUID) row[1], Rows.text(row[2]),
                Rows.text(row[3]), Rows.integer(row[4]), Rows.text(row[5]), Rows.text(row[6])));
    }

    /** A page of one webhook's deliveries, newest first. */
    public List<WebhookDelivery> deliveries(UUID webhookId, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery WHERE webhook_id = :webhook ORDER BY id DESC OFFSET :offset LIMIT :limit")
                .setParameter("webhook", webhookId).setParameter("offset", offset).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new WebhookDelivery(Rows.count(row[0]), (UUID) row[1], Rows.text(row[2]), Rows.text(row[3]),
                Rows.integer(row[4]), row[5] == null ? null : Rows.integer(row[5]), Rows.text(row[6]), Rows.instant(row[7]),
                Rows.instant(row[8]), Rows.instant(row[9]), Rows.instant(row[10]))).toList();
    }

    public long countDeliveries(UUID webhookId) {
        return Rows.count(entityManager.createNativeQuery("SELECT count(*) FROM webhook_delivery WHERE webhook_id = :webhook")
                .setParameter("webhook", webhookId).getSingleResult());
    }

    private static Webhook webhook(Object[] row) {
        return new Webhook((UUID) row[0], Rows.text(row[1]), Rows.text(row[2]), Rows.text(row[3]), events(row[4]),
                (Boolean) row[5], Rows.text(row[6]), Rows.instant(row[7]), Rows.instant(row[8]));
    }

    private static List<String> events(Object value) {
        return value instanceof String[] array ? List.of(array) : Arrays.stream((Object[]) value).map(String::valueOf).toList();
    }

    /** A text[] literal; event types are known names ([a-z.-]), so no element needs quoting. */
    private static String textArray(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
