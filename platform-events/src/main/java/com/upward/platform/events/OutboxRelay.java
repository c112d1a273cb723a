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
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** A row waiting in the outbox, as the relay reads it. */
    private record Pending(long position, String eventId, String type, String topic, String eventKey, String subject,
                           String source, Instant occurredAt, String payload) {
    }

    /**
     * Sends one batch and marks it published, in one transaction; returns how many rows it relayed. Plain JDBC, two
     * round trips besides the sends (the lock with the batch, then the marks): this runs after every commit that
     * wrote an event, and each step of it is time before the event reaches its consumers.
     */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<Pending> batch = new ArrayList<>();
            boolean leader;
            try (PreparedStatement read = connection.prepareStatement("""
                    SELECT pg_try_advisory_xact_lock(?);
                    SELECT position, CAST(event_id AS TEXT), type, topic, event_key, subject, source, occurred_at,
                        CAST(payload AS TEXT)
                    FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT ?""")) {
                read.setLong(1, RELAY_LOCK);
                read.setInt(2, config.outbox().batchSize());
                read.execute();
                try (ResultSet lock = read.getResultSet()) {
                    leader = lock.next() && lock.getBoolean(1);
                }
                read.getMoreResults();
                try (ResultSet rows = read.getResultSet()) {
                    while (rows.next()) {
                        batch.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getString(7), rows.getTimestamp(8).toInstant(),
                                rows.getString(9)));
                    }
                }
            }
            if (!leader) {
                if (lockBusy != null) {
                    lockBusy.increment();
                }
                return 0;
            }
            if (batch.isEmpty()) {
                return 0;
            }
            send(batch);
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox_event SET published_at = ? WHERE position = ANY (?)")) {
                mark.setTimestamp(1, Timestamp.from(Instant.now()));
                mark.setArray(2, connection.createArrayOf("bigint", batch.stream().map(Pending::position).toArray()));
                mark.executeUpdate();
            }
            if (relayed != null) {
                relayed.increment(batch.size());
            }
            return batch.size();
        }));
    }

    /** Every record of the batch acknowledged (acks=all), or an exception: then none is marked and all go again. */
    private void send(List<Pending> batch) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
        for (Pending event : batch) {
            acknowledgements.add(producer.send(toRecord(event)));
        }
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the outbox relay waited for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the outbox batch: " + e.getMessage(), e);
        }
    }

    private static ProducerRecord<String, String> toRecord(Pending event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventEnvelope.CE_SPECVERSION, bytes(EventEnvelope.SPEC_VERSION));
        headers.add(EventEnvelope.CE_ID, bytes(event.eventId()));
        headers.add(EventEnvelope.CE_TYPE, bytes(event.type()));
        headers.add(EventEnvelope.CE_SOURCE, bytes(event.source()));
        headers.add(EventEnvelope.CE_TIME, bytes(event.occurredAt().toString()));
        if (event.subject() != null) {
            headers.add(EventEnvelope.CE_SUBJECT, bytes(event.subject()));
        }
        headers.add(EventEnvelope.CONTENT_TYPE, bytes(EventEnvelope.JSON));
        return new ProducerRecord<>(event.topic(), null, event.eventKey(), event.payload(), headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
