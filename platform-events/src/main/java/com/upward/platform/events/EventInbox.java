package com.upward.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies each consumed event exactly once: its id goes into the inbox in the same transaction as its
 * effect, and a redelivered id changes nothing. The messaging layer commits the offsets after this returns.
 * <ul>
 * <li>A poison record (bad envelope, bad JSON, data that breaks its contract) goes to TOPIC.dlq at once, with
 * the reason, and the records after it are applied.</li>
 * <li>A failure that passes (the database out of reach, a lock timeout, a deadlock) is retried with a growing
 * pause, for as long as it lasts: the partition never moves past the record.</li>
 * <li>Any other failure is retried {@code max-attempts} times, then dead-lettered with its message.</li>
 * </ul>
 * A batch is applied in one transaction (one commit, and {@link EventHandler#afterEvents()} once); when
 * that fails for a reason that is not passing, its records are applied one by one to find the culprit.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    EventsConfig config;

    @Inject
    DeadLetters deadLetters;

    public void deliver(ConsumerRecord<String, String> record, EventHandler handler) {
        deliverAll(List.of(record), handler);
    }

    public void deliverAll(Iterable<ConsumerRecord<String, String>> records, EventHandler handler) {
        Map<ConsumerRecord<String, String>, EventEnvelope> readable = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.put(record, EventEnvelope.parse(record, mapper));
            } catch (PoisonEventException poison) {
                deadLetters.send(record, poison.getMessage());
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        if (readable.size() > 1) {
            try {
                untilNotTransient(() -> apply(readable.values(), handler), readable.size() + " events");
                return;
            } catch (RuntimeException e) {
                LOG.infof("A batch of %d events failed (%s); applying them one by one", readable.size(), e.getMessage());
            }
        }
        readable.forEach((record, envelope) -> deliverOne(record, envelope, handler));
    }

    private void deliverOne(ConsumerRecord<String, String> record, EventEnvelope envelope, EventHandler handler) {
        for (int attempt = 1; ; attempt++) {
            try {
                untilNotTransient(() -> apply(List.of(envelope), handler), envelope.id());
                return;
            } catch (RuntimeException e) {
                PoisonEventException poison = poisonCause(e);
                if (poison != null) {
                    deadLetters.send(record, poison.getMessage());
                    return;
                }
                if (attempt >= config.inbox().maxAttempts()) {
                    deadLetters.send(record, "failed " + attempt + " times: " + rootMessage(e));
                    return;
                }
                LOG.warnf("Event %s (%s) failed on attempt %d, retrying: %s", envelope.id(), envelope.type(), attempt, e.getMessage());
                sleep(config.inbox().retryBackoff().multipliedBy(attempt));
            }
        }
    }

    private void apply(Collection<EventEnvelope> envelopes, EventHandler handler) {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> firstDeliveries = record(envelopes);
            for (EventEnvelope envelope : envelopes) {
                if (firstDeliveries.remove(envelope.id())) {
                    handler.handle(envelope);
                }
            }
            handler.afterEvents();
        });
    }

    /**
     * The lock timeout and the batch's ids in the inbox, in one round trip; returns the ids not seen before (each
     * once, even if the batch holds it twice). A lock held elsewhere is a passing failure after the timeout, not a
     * consumer stuck without end.
     */
    private Set<String> record(Collection<EventEnvelope> envelopes) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT set_config('lock_timeout', ?, true);
                    INSERT INTO inbox_event (event_id, type, topic)
                    SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                statement.setString(1, config.inbox().lockTimeout().toMillis() + "ms");
                statement.setArray(2, connection.createArrayOf("text", envelopes.stream().map(EventEnvelope::id).toArray()));
                statement.setArray(3, connection.createArrayOf("text", envelopes.stream().map(EventEnvelope::type).toArray()));
                statement.setArray(4, connection.createArrayOf("text", envelopes.stream().map(EventEnvelope::topic).toArray()));
                statement.execute();
                Set<String> inserted = new HashSet<>();
                if (statement.getMoreResults()) {
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) {
                            inserted.add(rows.getString(1));
                        }
                    }
                }
                return inserted;
            }
        });
    }

    /** Runs the work again after each passing failure, pausing longer each time up to the limit. */
    private void untilNotTransient(Runnable work, String what) {
        Duration pause = config.inbox().retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("Applying %s failed for a passing reason (attempt %d), again in %d ms: %s", what, attempt,
                        pause.toMillis(), rootMessage(e));
                sleep(pause);
                Duration doubled = pause.multipliedBy(2);
                pause = doubled.compareTo(config.inbox().maxRetryBackoff()) > 0 ? config.inbox().maxRetryBackoff() : doubled;
            }
        }
    }

    /**
     * A handler for a consumer that applies one event type: its data, read and checked as by {@link #data}, goes to
     * {@code apply}; an event of another type is skipped.
     */
    public <T> EventHandler handlerOf(String type, Class<T> contract, Consumer<T> apply) {
        return event -> {
            if (type.equals(event.type())) {
                apply.accept(data(event, contract));
            }
        };
    }

    /** The event's data as its contract record, checked against the contract's constraints. */
    public <T> T data(EventEnvelope envelope, Class<T> contract) {
        T data;
        try {
            // Unknown fields are ignored here, unlike in request bodies: a producer one version ahead may add
            // fields during a rolling upgrade, and its events must not be dead-lettered for that.
            data = mapper.readerFor(contract).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(envelope.data());
        } catch (Exception e) {
            throw new PoisonEventException(envelope.type() + " data does not match " + contract.getSimpleName() + ": " + e.getMessage());
        }
        ContractViolations.of(validator, data).ifPresent(violations -> {
            throw new PoisonEventException(envelope.type() + " data is invalid: " + violations);
        });
        return data;
    }

    private static PoisonEventException poisonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException poison) {
                return poison;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
