package com.upward.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.testing.KafkaResource;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.stack.DeadLetterRedrive;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./upward redrive: a dead-lettered record whose cause is gone is applied once it is sent back. */
@QuarkusTest
class RedriveTest {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Test
    void aDeadLetteredEventIsAppliedOnceRedriven() throws Exception {
        String learner = TestEvents.unique("learner-redriven");
        QuizAttemptScored attempt = TestEvents.attempt(learner, "acme", "course-redriven", 1, 80, 1);
        String eventId = UUID.randomUUID().toString();
        // As the inbox dead-letters a record: the original headers and value, and where it came from.
        KafkaTestClient.send("upward.assessment.dlq", learner, mapper.writeValueAsString(attempt), Map.of(
                "ce_specversion", "1.0", "ce_id", eventId, "ce_type", QuizAttemptScored.TYPE, "ce_source", "/tests",
                "ce_time", Instant.now().toString(), "content-type", "application/json",
                "dead-letter-reason", "the database was restored from a backup", "dead-letter-topic", "upward.assessment"));

        DeadLetterRedrive redrive = new DeadLetterRedrive(KafkaResource.bootstrapServers());
        assertTrue(redrive.redrive("upward.assessment.dlq") >= 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> TestEvents.count(entityManager,
                "SELECT count(*) FROM quiz_attempt WHERE learner_id = ?1", learner) == 1);
        assertEquals(1L, TestEvents.count(entityManager, "SELECT count(*) FROM inbox_event WHERE event_id = ?1", eventId));
    }
}
