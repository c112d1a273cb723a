package com.upward.progress;

import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProgressProjectionTest {

    @Inject
    EntityManager entityManager;

    private static CoursePublished course(String courseId) {
        return new CoursePublished(courseId, 1, "Course " + courseId, Instant.parse("2026-11-01T09:00:00Z"),
                List.of(new CoursePublished.Lesson("intro", "m1", 1, "Intro", true),
                        new CoursePublished.Lesson("middle", "m1", 2, "Middle", true),
                        new CoursePublished.Lesson("extra", "m2", 3, "Extra", false),
                        new CoursePublished.Lesson("end", "m2", 4, "End", true)),
                List.of());
    }

    private static LessonCompleted completed(String learnerId, String courseId, String lessonId) {
        return new LessonCompleted(learnerId, "acme", courseId, 1, lessonId, Instant.parse("2026-11-02T10:00:00Z"));
    }

    @Test
    void lessonsDoneGivePercentNextLessonAndStatus() {
        KafkaTestClient.publish(course("course-a"), UUID.randomUUID().toString());
        KafkaTestClient.publish(completed("learner-a", "course-a", "intro"), UUID.randomUUID().toString());
        KafkaTestClient.publish(completed("learner-a", "course-a", "extra"), UUID.randomUUID().toString());
        String token = TestTokens.learner("learner-a", "acme");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/me/progress/course-a").then().statusCode(200)
                        .body("lessonsCompleted", equalTo(2))
                        .body("percent", equalTo(50))
                        .body("nextLessonId", equalTo("middle"))
                        .body("status", equalTo("IN_PROGRESS")));
        given().auth().oauth2(token).get("/api/v1/me/progress").then().statusCode(200)
                .body("courseId", equalTo(List.of("course-a")));
    }

    @Test
    void aProgressReadIsTheStoredSnapshotAndARowFromBeforeSnapshotsIsComputed() {
        KafkaTestClient.publish(course("course-s"), UUID.randomUUID().toString());
        KafkaTestClient.publish(completed("learner-s", "course-s", "intro"), UUID.randomUUID().toString());
        String token = TestTokens.learner("learner-s", "acme");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM learner_course_summary WHERE learner_id = 'learner-s' AND progress IS NOT NULL") == 1L);
        String stored = given().auth().oauth2(token).get("/api/v1/me/progress/course-s").then().statusCode(200)
                .body("lessonsCompleted", equalTo(1)).body("lessons[0].completed", equalTo(true))
                .body("nextLessonId", equalTo("middle")).extract().asString();

        String kept = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT CAST(progress AS TEXT) FROM learner_course_summary WHERE learner_id = 'learner-s'").getSingleResult());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE learner_course_summary SET progress = NULL WHERE learner_id = 'learner-s'").executeUpdate());
        try {
            String computed = given().auth().oauth2(token).get("/api/v1/me/progress/course-s").then().statusCode(200)
                    .extract().asString();
            assertEquals(stored, computed, "the same answer from the facts as from the snapshot");
        } finally {
            // The row as the service writes it again: ReplayTest compares the whole read model with its rebuild.
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "UPDATE learner_course_summary SET progress = CAST(:kept AS JSONB) WHERE learner_id = 'learner-s'")
                    .setParameter("kept", kept).executeUpdate());
        }
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() {
        KafkaTestClient.publish(course("course-b"), UUID.randomUUID().toString());
        String eventId = UUID.randomUUID().toString();
        KafkaTestClient.publish(completed("learner-b", "course-b", "intro"), eventId);
        KafkaTestClient.publish(completed("learner-b", "course-b", "intro"), eventId);
        KafkaTestClient.publish(completed("learner-b", "course-b", "middle"), UUID.randomUUID().toString());
        String token = TestTokens.learner("learner-b", "acme");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/me/progress/course-b").then().statusCode(200)
                        .body("lessonsCompleted", equalTo(2)));
        assertEquals(1L, count("SELECT count(*) FROM inbox_event WHERE event_id = '" + eventId + "'"));
        assertEquals(2L, count("SELECT count(*) FROM lesson_done WHERE learner_id = 'learner-b'"));
    }

    @Test
    void aCompletionArrivingBeforeItsCourseIsKeptAndShownOnceTheCourseArrives() {
        KafkaTestClient.publish(completed("learner-c", "course-c", "intro"), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM lesson_done WHERE learner_id = 'learner-c'") == 1L);
        KafkaTestClient.publish(course("course-c"), UUID.randomUUID().toString());
        String token = TestTokens.learner("learner-c", "acme");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/me/progress/course-c").then().statusCode(200)
                        .body("lessonsCompleted", equalTo(1)).body("percent", equalTo(25)));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillApplied() {
        KafkaTestClient.publish(course("course-d"), UUID.randomUUID().toString());
        String poisonId = UUID.randomUUID().toString();
        KafkaTestClient.send("upward.learning", "learner-d", "{not json", Map.of(
                "ce_id", poisonId, "ce_type", LessonCompleted.TYPE, "ce_source", "/tests", "ce_time", Instant.now().toString()));
        KafkaTestClient.publish(completed("learner-d", "course-d", "intro"), UUID.randomUUID().toString());

        String token = TestTokens.learner("learner-d", "acme");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/me/progress/course-d").then().statusCode(200)
                        .body("lessonsCompleted", equalTo(1)));
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.await("upward.learning.dlq",
                record -> poisonId.equals(KafkaTestClient.header(record, "ce_id")), 1, Duration.ofSeconds(20));
        assertEquals(1, dead.size(), "the poison record reached the dead-letter topic");
        String reason = KafkaTestClient.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason != null && reason.contains("not JSON"), "the reason is recorded: " + reason);
    }

    @Test
    void invalidEventDataIsPoisonToo() {
        String poisonId = UUID.randomUUID().toString();
        KafkaTestClient.send("upward.learning", "learner-e", "{\"learnerId\":\"learner-e\"}", Map.of(
                "ce_id", poisonId, "ce_type", LessonCompleted.TYPE, "ce_source", "/tests", "ce_time", Instant.now().toString()));
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.await("upward.learning.dlq",
                record -> poisonId.equals(KafkaTestClient.header(record, "ce_id")), 1, Duration.ofSeconds(20));
        assertEquals(1, dead.size());
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("invalid"));
        assertEquals(0L, count("SELECT count(*) FROM inbox_event WHERE event_id = '" + poisonId + "'"));
    }

    @Test
    void anEventWithAFieldANewerProducerAddedIsStillApplied() {
        // Rolling upgrades: a producer one version ahead may add fields; the consumer must not dead-letter them.
        KafkaTestClient.publish(course("course-f"), UUID.randomUUID().toString());
        String eventId = UUID.randomUUID().toString();
        String data = "{\"learnerId\":\"learner-f\",\"orgId\":\"acme\",\"courseId\":\"course-f\",\"courseVersion\":1,"
                + "\"lessonId\":\"intro\",\"completedAt\":\"2026-11-02T10:00:00Z\",\"addedInANewerVersion\":\"x\"}";
        KafkaTestClient.send("upward.learning", "learner-f", data, Map.of(
                "ce_id", eventId, "ce_type", LessonCompleted.TYPE, "ce_source", "/tests", "ce_time", Instant.now().toString()));
        String token = TestTokens.learner("learner-f", "acme");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/me/progress/course-f").then().statusCode(200)
                        .body("lessonsCompleted", equalTo(1)));
        assertEquals(1L, count("SELECT count(*) FROM inbox_event WHERE event_id = '" + eventId + "'"));
    }

    @Test
    void anUnknownCourseIsNotFound() {
        assertProblem(given().auth().oauth2(TestTokens.learner("learner-f", "acme")).get("/api/v1/me/progress/no-such-course"), 404);
    }

    private long count(String sql) {
        // Awaitility polls from its own thread, which has no request context of its own.
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
