package com.upward.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.contract.CourseCompleted;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.events.contract.QuizAttemptScored.GradingMethod;
import com.upward.platform.testing.EventSchemas;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import static com.upward.progress.TestEvents.attempt;
import static com.upward.progress.TestEvents.count;
import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.lesson;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.requiredLessonsDone;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CompletionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;

    @Test
    void percentNextLessonAndTheCompletionRuleFollowEachLearnersVersion() {
        String courseId = unique("versions");
        publish(course(courseId, 1));
        publish(course(courseId, 2));
        // learner-v1 follows v1 (a, x optional, b; pass 70), learner-v2 follows v2 (a, b, c; pass 80).
        for (String learner : List.of("learner-v1", "learner-v2")) {
            int version = learner.endsWith("1") ? 1 : 2;
            publish(lesson(learner + courseId, "acme", courseId, version, "a", 1));
            publish(lesson(learner + courseId, "acme", courseId, version, "b", 2));
            publish(attempt(learner + courseId, "acme", courseId, 1, 75, 3));
        }
        String v1 = TestTokens.learner("learner-v1" + courseId, "acme");
        String v2 = TestTokens.learner("learner-v2" + courseId, "acme");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(v1).get("/api/v1/me/progress/" + courseId).then()
                .statusCode(200).body("version", equalTo(1)).body("percent", equalTo(66)).body("nextLessonId", equalTo("x"))
                .body("quizzes[0].percent", equalTo(75.0f)).body("quizzes[0].passed", equalTo(true))
                .body("status", equalTo("COMPLETED")).body("certificateId", notNullValue()));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(v2).get("/api/v1/me/progress/" + courseId).then()
                .statusCode(200).body("version", equalTo(2)).body("percent", equalTo(66)).body("nextLessonId", equalTo("c"))
                .body("quizzes[0].passPercent", equalTo(80)).body("quizzes[0].passed", equalTo(false))
                .body("status", equalTo("IN_PROGRESS")).body("certificateId", nullValue()));

        publish(lesson("learner-v2" + courseId, "acme", courseId, 2, "c", 4));
        publish(attempt("learner-v2" + courseId, "acme", courseId, 2, 85, 5));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(v2).get("/api/v1/me/progress/" + courseId).then()
                .statusCode(200).body("percent", equalTo(100)).body("nextLessonId", nullValue())
                .body("status", equalTo("COMPLETED")).body("completedAt", equalTo("2026-11-02T10:05:00Z")));
    }

    @Test
    void completionIssuesOneCertificateAndEmitsCourseCompletedWhateverTheOrderAndRepeats() throws Exception {
        String courseId = unique("order");
        String learner = unique("learner");
        // The pass arrives first, then the lessons, then the course itself; the pass is delivered twice.
        QuizAttemptScored pass = attempt(learner, "acme", courseId, 1, 90, 10);
        String passId = UUID.randomUUID().toString();
        KafkaTestClient.publish(pass, passId);
        KafkaTestClient.publish(pass, passId);
        publish(attempt(learner, "acme", courseId, 2, 40, 11, GradingMethod.HIGHEST, pass));
        publish(lesson(learner, "acme", courseId, 1, "b", 3));
        publish(lesson(learner, "acme", courseId, 1, "a", 2));
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM learner_course_summary WHERE learner_id = ?1 AND lessons_done = 2", learner) == 1);
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM certificate WHERE learner_id = ?1", learner),
                "no certificate before the course's structure says what is required");
        publish(course(courseId, 1));

        String token = TestTokens.learner(learner, "acme");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/me/progress/" + courseId).then()
                .statusCode(200).body("status", equalTo("COMPLETED"))
                // Graded HIGHEST by assessment: the later 40% does not undo the 90%.
                .body("quizzes[0].percent", equalTo(90.0f)).body("quizzes[0].attempts", equalTo(2))
                .body("quizzes[0].gradingMethod", equalTo("HIGHEST"))
                .body("completedAt", equalTo("2026-11-02T10:10:00Z")));
        // Delivered again after completion: still one certificate, one event.
        KafkaTestClient.publish(pass, passId);
        publish(lesson(learner, "acme", courseId, 1, "x", 20));
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM lesson_done WHERE learner_id = ?1", learner) == 3);
        assertEquals(1L, count(entityManager, "SELECT count(*) FROM certificate WHERE learner_id = ?1", learner));
        assertEquals(2L, count(entityManager, "SELECT count(*) FROM quiz_attempt WHERE learner_id = ?1", learner));
        assertEquals(1L, count(entityManager, "SELECT count(*) FROM outbox_event WHERE type = ?1 AND event_key = ?2",
                CourseCompleted.TYPE, learner));

        List<ConsumerRecord<String, String>> completed = KafkaTestClient.await("upward.progress",
                record -> learner.equals(record.key()), 1, WAIT);
        assertEquals(1, completed.size());
        EventSchemas.assertMatchesSchema(CourseCompleted.TYPE, completed.get(0).value());
        assertEquals(CourseCompleted.TYPE, KafkaTestClient.header(completed.get(0), "ce_type"));
        JsonNode data = new ObjectMapper().readTree(completed.get(0).value());
        assertEquals(90.0, data.get("finalPercent").asDouble());
        assertEquals("2026-11-02T10:10:00Z", data.get("completedAt").asText());

        // The certificate: public, name, course and date only; printable; listed for its owner.
        String certificateId = given().auth().oauth2(token).get("/api/v1/me/certificates").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].courseId", equalTo(courseId)).extract().path("[0].certificateId");
        assertTrue(completed.get(0).value().contains(certificateId));
        Map<String, Object> verification = given().accept(ContentType.JSON).get("/api/v1/certificates/" + certificateId)
                .then().statusCode(200).extract().as(Map.class);
        assertEquals(Map.of("certificateId", certificateId, "learnerName", "Test " + learner,
                "courseTitle", "Course " + courseId + " v1", "completedAt", "2026-11-02T10:10:00Z"), verification);
        given().accept(ContentType.HTML).get("/api/v1/certificates/" + certificateId).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Test " + learner))
                .body(containsString("@media print"));
        given().get("/api/v1/certificates/" + certificateId + "/print").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("2 November 2026"))
                // no inline script (the gateway's CSP allows only scripts of its origin): the handler is a file
                .body(not(containsString("onclick"))).body(containsString("<script src=\"/api/v1/certificates/print.js\""));
        given().get("/api/v1/certificates/print.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("window.print()"));
    }

    @Test
    void theGradeIsTheOneAssessmentGaveNotOneChosenHere() {
        // The quiz grades by LAST: a 60% then a 50% leaves the learner at 50%, as assessment shows them (not the best, 60%).
        String courseId = unique("graded-last");
        String learner = unique("learner");
        publish(course(courseId, 1));
        requiredLessonsDone(learner, "acme", courseId);
        publish(attempt(learner, "acme", courseId, 1, 60, 3, GradingMethod.LAST));
        publish(attempt(learner, "acme", courseId, 2, 50, 4, GradingMethod.LAST));
        String token = TestTokens.learner(learner, "acme");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/me/progress/" + courseId).then()
                .statusCode(200).body("quizzes[0].attempts", equalTo(2))
                .body("quizzes[0].gradingMethod", equalTo("LAST")).body("quizzes[0].percent", equalTo(50.0f))
                .body("quizzes[0].passed", equalTo(false)).body("status", equalTo("IN_PROGRESS")));
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM certificate WHERE learner_id = ?1", learner));
    }

    @Test
    void aFailedAttemptDoesNotComplete() {
        String courseId = unique("failing");
        String learner = unique("learner");
        publish(course(courseId, 1));
        requiredLessonsDone(learner, "acme", courseId);
        publish(attempt(learner, "acme", courseId, 1, 60, 3));
        String token = TestTokens.learner(learner, "acme");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/me/progress/" + courseId).then()
                .statusCode(200).body("quizzes[0].attempts", equalTo(1)).body("quizzes[0].passed", equalTo(false))
                .body("status", equalTo("IN_PROGRESS")).body("certificateId", nullValue()));
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM certificate WHERE learner_id = ?1", learner));
    }

    @Test
    void certificatesAreNotFoundOrRefusedWithProblems() {
        assertProblem(given().accept(ContentType.JSON).get("/api/v1/certificates/AAAAAAAAAAAAAAAAAAAAAA"), 404);
        assertProblem(given().accept(ContentType.JSON).get("/api/v1/certificates/not-an-id"), 400);
        assertProblem(given().get("/api/v1/me/certificates"), 401);
        given().auth().oauth2(TestTokens.learner(unique("nobody"), "acme")).get("/api/v1/me/certificates").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aPoisonAssessmentRecordGoesToItsDeadLetterTopic() {
        String poisonId = UUID.randomUUID().toString();
        KafkaTestClient.send("upward.assessment", "learner-p", "{\"attemptId\":\"x\"}", Map.of(
                "ce_id", poisonId, "ce_type", QuizAttemptScored.TYPE, "ce_source", "/tests", "ce_time", Instant.now().toString()));
        String courseId = unique("after-poison");
        String learner = unique("learner");
        publish(attempt(learner, "acme", courseId, 1, 50, 1));
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.await("upward.assessment.dlq",
                record -> poisonId.equals(KafkaTestClient.header(record, "ce_id")), 1, WAIT);
        assertEquals(1, dead.size());
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("invalid"));
        await().atMost(WAIT).until(() -> count(entityManager, "SELECT count(*) FROM quiz_attempt WHERE learner_id = ?1", learner) == 1);
    }
}
