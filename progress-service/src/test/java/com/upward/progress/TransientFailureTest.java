package com.upward.progress;

import com.upward.platform.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure that passes is retried, never dead-lettered: another transaction holds the lock the projector
 * needs, so the consumer's lock_timeout (300 ms in tests) fails it again and again until the lock is freed.
 */
@QuarkusTest
class TransientFailureTest {

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aLockTimeoutIsRetriedUntilItPassesAndNothingIsDeadLettered() throws Exception {
        String learner = "learner-locked-" + UUID.randomUUID();
        String eventId;
        try (Connection other = DriverManager.getConnection(jdbcUrl, username, password)) {
            other.setAutoCommit(false);
            // The same lock LearnerCourseRefresh takes for this learner and course.
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, learner + " course-locked");
                lock.execute();
            }
            eventId = TestEvents.publish(TestEvents.attempt(learner, "acme", "course-locked", 1, 90, 1));

            // Several lock timeouts pass while the lock is held: nothing is applied, nothing is dead-lettered.
            Thread.sleep(2500);
            assertEquals(0, inbox(eventId), "the failed transaction left no inbox row");
            other.rollback();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(eventId) == 1);
        assertEquals(1L, TestEvents.count(entityManager,
                "SELECT count(*) FROM quiz_attempt WHERE learner_id = ?1", learner));
        assertTrue(KafkaTestClient.await("upward.assessment.dlq",
                record -> eventId.equals(KafkaTestClient.header(record, "ce_id")), 1, Duration.ofSeconds(3)).isEmpty(),
                "a passing failure never reaches the dead-letter topic");
    }

    private long inbox(String eventId) {
        return TestEvents.count(entityManager, "SELECT count(*) FROM inbox_event WHERE event_id = ?1", eventId);
    }
}
