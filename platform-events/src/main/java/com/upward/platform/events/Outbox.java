package com.upward.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the same transaction as the state change it describes (no dual write).
 * The relay publishes it once that transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    OutboxRelay relay;

    @Inject
    AfterCommit afterCommit;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(UpwardEvent event) {
        ContractViolations.of(validator, event).ifPresent(violations -> {
            // A producer bug, never the caller's: refuse it before it can reach a consumer.
            throw new IllegalStateException(event.eventType() + " breaks its contract: " + violations);
        });
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.type = event.eventType();
        row.topic = event.eventTopic();
        row.eventKey = event.eventKey();
        row.subject = event.eventSubject();
        row.source = "/upward/" + applicationName;
        row.occurredAt = Instant.now();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + event.eventType() + " as JSON", e);
        }
        entityManager.persist(row);
        afterCommit.run(relay::wake);
        return row.eventId;
    }
}
