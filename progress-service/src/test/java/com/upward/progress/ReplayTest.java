package com.upward.progress;

import com.upward.platform.events.EventInbox;
import com.upward.platform.events.PoisonEventException;
import com.upward.platform.testing.KafkaResource;
import com.upward.platform.testing.TestTokens;
import com.upward.progress.service.ProgressProjector;
import com.upward.progress.service.ReadModelRebuild;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.progress.TestEvents.attempt;
import static com.upward.progress.TestEvents.count;
import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.lesson;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.requiredLessonsDone;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replaying every topic from the start into an emptied read model gives the same read model. The replay
 * reads the topics with a new consumer group and feeds each record through the same inbox and projector
 * the live consumers use, in the worst order: all quiz results first, then lessons, then the courses.
 */
@QuarkusTest
class ReplayTest {

    private static final List<String> TABLES = List.of("course_version", "lesson_done", "learner_course", "quiz_attempt",
            "learner_course_summary", "learner_power", "report_counts", "certificate", "enrolment", "learner_profile");

    @Inject
    EntityManager entityManager;

    @Inject
    EventInbox inbox;

    @Inject
    ProgressProjector projector;

    @Inject
    ReadModelRebuild rebuild;

    @Test
    void aReplayFromAnEmptyReadModelGivesTheSameReadModel() {
        String org = unique("replay");
        String courseId = unique("replay");
        publish(course(courseId, 1));
        publish(course(courseId, 2));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count(entityManager, "SELECT count(*) FROM course_version WHERE course_id = ?1", courseId) == 2);
        TestDirectory.register(org, "r1-" + org, "Test r1-" + org);
        TestDirectory.register(org, "r4-" + org, "Test r4-" + org);
        given().auth().oauth2(TestTokens.admin("admin", org)).contentType(ContentType.JSON)
                .body(Map.of("learnerIds", List.of("r1-" + org, "r4-" + org), "courseId", courseId,
                        "dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()))
                .post("/api/v1/admin/enrolments").then().statusCode(200);
        requiredLessonsDone("r1-" + org, org, courseId);
        publish(attempt("r1-" + org, org, courseId, 1, 70, 3));
        publish(lesson("r2-" + org, org, courseId, 2, "a", 4));
        publish(attempt("r2-" + org, org, courseId, 1, 95, 5));
        publish(attempt("r3-" + org, org, courseId, 1, 20, 6));
        given().auth().oauth2(TestTokens.learner("r1-" + org, org)).get("/api/v1/me/progress").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count(entityManager, "SELECT count(*) FROM learner_course_summary WHERE org_id = ?1 AND started_at IS NOT NULL", org) == 3
                && count(entityManager, "SELECT count(*) FROM certificate WHERE org_id = ?1", org) == 1
                && count(entityManager, "SELECT count(*) FROM quiz_attempt WHERE org_id = ?1", org) == 3);
        awaitQuiet();

        assertCountsMatchTheSummary();
        Map<String, String> before = snapshot();
        long completedEvents = count(entityManager, "SELECT count(*) FROM outbox_event");
        rebuild.reset();
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM learner_course_summary WHERE started_at IS NOT NULL"));
        int replayed = replay(List.of("upward.assessment", "upward.learning", "upward.course"));

        assertTrue(replayed > 0);
        Map<String, String> after = snapshot();
        for (String table : before.keySet()) {
            assertEquals(before.get(table), after.get(table), "table " + table + " after the replay");
        }
        assertCountsMatchTheSummary();
        assertEquals(completedEvents, count(entityManager, "SELECT count(*) FROM outbox_event"),
                "a replay finds the kept certificates and announces no completion again");
    }

    /** The incrementally kept report_counts equal a fresh count of the summary rows. */
    private void assertCountsMatchTheSummary() {
        String grouped = """
                SELECT org_id, course_id, status, quizzes_passed, coalesce(score, -1) AS score,
                    coalesce(due_date, DATE '9999-12-31') AS due_date, count(*) AS learners
                FROM learner_course_summary GROUP BY 1, 2, 3, 4, 5, 6""";
        String kept = "SELECT org_id, course_id, status, quizzes_passed, score, due_date, learners FROM report_counts";
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM ((" + kept + ") EXCEPT (" + grouped + ")) d"));
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM ((" + grouped + ") EXCEPT (" + kept + ")) d"));
    }

    /** Waits until the live consumers have nothing left to apply (the inbox stops growing). */
    private void awaitQuiet() {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long now = count(entityManager, "SELECT count(*) FROM inbox_event");
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
    }

    private int replay(List<String> topics) {
        int applied = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "progress-service.replay-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        try {
                            inbox.deliver(record, projector);
                            applied++;
                        } catch (PoisonEventException poison) {
                            // the live consumer sent it to the dead-letter topic; a replay skips it the same way
                        }
                    }
                }
                consumer.commitSync();
            }
        }
        return applied;
    }

    private Map<String, String> snapshot() {
        Map<String, String> tables = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : TABLES) {
                Object rows = entityManager.createNativeQuery(
                        "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM " + table + " t").getSingleResult();
                tables.put(table, (String) rows);
            }
            tables.put("inbox_event", (String) entityManager.createNativeQuery(
                    "SELECT coalesce(string_agg(event_id || ' ' || type, E'\\n' ORDER BY event_id), '') FROM inbox_event")
                    .getSingleResult());
        });
        return tables;
    }
}
