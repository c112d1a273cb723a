package com.upward.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in position order with an idempotent producer (acks=all),
 * then marks them published. A failed batch stays unpublished and is sent again: at-least-once, made
 * effectively-once by the consumers' inboxes. One relay per database works at a time (an advisory lock),
 * so a service's events keep their order even with several replicas.
 * <p>
 * The lock is taken per batch, inside the batch's transaction: whichever replica polls first leads for that batch,
 * and a replica that dies mid-batch frees it when PostgreSQL ends its transaction (its connection closes), so
 * another takes the next batch at its next poll. Each instance counts the events it published
 * ({@code upward.outbox.relayed}) and the passes it skipped because another instance held the lock
 * ({@code upward.outbox.relay.lock.busy}), which shows on its /q/metrics who relays.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x75707761726431L;

    @Inject
    EntityManager entityManager;

    @Inject
    EventsConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @Inject
    MeterRegistry metrics;

    private Counter relayed;
    private Counter lockBusy;

    private KafkaProducer<String, String> producer;
    private BackgroundPoller poller;

    void start(@Observes StartupEvent event) {
        if (!config.outbox().relayEnabled()) {
            return;
        }
        relayed = metrics.counter("upward.outbox.relayed");
        lockBusy = metrics.counter("upward.outbox.relay.lock.busy");
        producer = SafeProducers.create(bootstrapServers, applicationName + "-outbox-relay", Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.outbox().sendTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.outbox().sendTimeout().toMillis(), 10_000)));
        poller = new BackgroundPoller("outbox-relay", config.outbox().pollInterval(), Duration.ofMillis(100),
                Duration.ofSeconds(10), () -> relayBatch() == config.outbox().batchSize());
        poller.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (poller == null) {
            return;
        }
        poller.stop();
        producer.close(Duration.ofSeconds(5));
    }

    /** Called after a commit that wrote to the outbox, so events leave at once instead of at the next poll. */
    public void wake() {
        if (poller != null) {
            poller.wake();
        }
    }

    /** Sends one batch and marks it published, in one transaction; returns how many rows it relayed. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean leader = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", RELAY_LOCK).getSingleResult();
            if (!leader) {
                if (lockBusy != null) {
                    lockBusy.increment();
                }
                return 0;
            }
            List<OutboxEvent> batch = entityManager.createQuery(
                            "FROM OutboxEvent WHERE publishedAt IS NULL ORDER BY position", OutboxEvent.class)
                    .setMaxResults(config.outbox().batchSize())
                    .getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acknowledgements.add(producer.send(toRecord(event)));
            }
            long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            // One statement for the batch, not one UPDATE per row at flush.
            entityManager.createQuery("UPDATE OutboxEvent SET publishedAt = :now WHERE position IN :positions")
                    .setParameter("now", Instant.now())
                    .setParameter("positions", batch.stream().map(event -> event.position).toList())
                    .executeUpdate();
            if (relayed != null) {
                relayed.increment(batch.size());
            }
            return batch.size();
        });
    }

    private static ProducerRecord<String, String> toRecord(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventEnvelope.CE_SPECVERSION, bytes(EventEnvelope.SPEC_VERSION));
        headers.add(EventEnvelope.CE_ID, bytes(event.eventId.toString()));
        headers.add(EventEnvelope.CE_TYPE, bytes(event.type));
        headers.add(EventEnvelope.CE_SOURCE, bytes(event.source));
        headers.add(EventEnvelope.CE_TIME, bytes(event.occurredAt.toString()));
        if (event.subject != null) {
            headers.add(EventEnvelope.CE_SUBJECT, bytes(event.subject));
        }
        headers.add(EventEnvelope.CONTENT_TYPE, bytes(EventEnvelope.JSON));
        return new ProducerRecord<>(event.topic, null, event.eventKey, event.payload, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
