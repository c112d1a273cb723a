package com.upward.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies each consumed event exactly once: its id goes into the inbox in the same transaction as its
 * effect, and a redelivered id changes nothing. The messaging layer commits the offset after this returns;
 * a poison record is thrown back and goes to the dead-letter topic with the reason.
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

    public void deliver(ConsumerRecord<String, String> record, EventHandler handler) {
        EventEnvelope envelope = EventEnvelope.parse(record, mapper);
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(envelope)) {
                        handler.handle(envelope);
                    }
                });
                return;
            } catch (RuntimeException e) {
                PoisonEventException poison = poisonCause(e);
                if (poison != null) {
                    throw poison;
                }
                if (attempt >= config.inbox().maxAttempts()) {
                    throw e;
                }
                LOG.warnf("Event %s (%s) failed on attempt %d, retrying: %s", envelope.id(), envelope.type(), attempt, e.getMessage());
                pause(attempt);
            }
        }
    }

    /** The event's data as its contract record, checked against the contract's constraints. */
    public <T> T data(EventEnvelope envelope, Class<T> contract) {
        T data;
        try {
            data = mapper.treeToValue(envelope.data(), contract);
        } catch (Exception e) {
            throw new PoisonEventException(envelope.type() + " data does not match " + contract.getSimpleName() + ": " + e.getMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException(envelope.type() + " data is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
    }

    private boolean firstDelivery(EventEnvelope envelope) {
        return entityManager.createNativeQuery(
                        "INSERT INTO inbox_event (event_id, type, topic) VALUES (:id, :type, :topic) ON CONFLICT DO NOTHING")
                .setParameter("id", envelope.id())
                .setParameter("type", envelope.type())
                .setParameter("topic", envelope.topic())
                .executeUpdate() == 1;
    }

    private static PoisonEventException poisonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException poison) {
                return poison;
            }
        }
        return null;
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(config.inbox().retryBackoff().toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
