package com.upward.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.contract.CourseCompleted;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import com.upward.progress.TestLrs.Received;
import com.upward.progress.service.XapiStatements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * xAPI delivery to a real LRS: Learning Locker's statements service, which validates every statement, behind the
 * proxy of {@link TestLrs} (keys per organisation, faults on demand, a record of every answer).
 */
@QuarkusTest
class XapiDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "xapi.test-lrs.url")
    String lrs;

    @ConfigProperty(name = "xapi.test-lrs.real-endpoint")
    String realLrs;

    @Test
    void aCompletionSendsOneCompletedStatementWithActorVerbObjectScoreAndTheVersionHeader() throws Exception {
        String courseId = unique("xapi");
        String learner = unique("learner");
        // The learner called the service once, so their name is on record for the actor.
        given().auth().oauth2(TestTokens.learner(learner, "acme")).get("/api/v1/me/progress").then().statusCode(200);
        publish(course(courseId, 1));
        requiredLessonsDone(learner, "acme", courseId);
        publish(attempt(learner, "acme", courseId, 1, 90, 3));

        String courseActivity = "https://upward.local/courses/" + courseId;
        await().atMost(WAIT).until(() -> accepted(learner).stream().anyMatch(r -> isCourseCompletion(r, courseActivity)));
        List<Received> completions = received(learner).stream().filter(r -> isCourseCompletion(r, courseActivity)).toList();
        assertEquals(1, completions.size(), "exactly one completed statement for the course");
        Received completion = completions.get(0);
        assertEquals("acme", completion.org());
        assertEquals("1.0.3", completion.version());
        assertTrue(completion.contentType().startsWith("application/json"));
        JsonNode statement = completion.statement();
        assertEquals("Agent", statement.at("/actor/objectType").asText());
        assertEquals("Test " + learner, statement.at("/actor/name").asText());
        assertEquals("https://upward.local", statement.at("/actor/account/homePage").asText());
        assertEquals(learner, statement.at("/actor/account/name").asText());
        assertTrue(statement.at("/actor/mbox").isMissingNode(), "no e-mail: we have none");
        assertEquals("http://adlnet.gov/expapi/verbs/completed", statement.at("/verb/id").asText());
        assertEquals("Course " + courseId + " v1", statement.at("/object/definition/name/en-US").asText());
        assertTrue(statement.at("/result/completion").asBoolean());
        assertTrue(statement.at("/result/success").asBoolean());
        assertEquals(0.9, statement.at("/result/score/scaled").asDouble(), 1e-9);
        assertEquals("2026-11-02T10:03:00Z", statement.at("/timestamp").asText());
        // From the first lesson (10:01) to the last requirement met (10:03).
        assertEquals("PT2M", statement.at("/result/duration").asText());
        String registration = XapiStatements.registration("acme", learner, courseId).toString();
        assertEquals(registration, statement.at("/context/registration").asText());
        // The id is derived from the upward.course.completed event id, so a re-send carries the same id.
        String eventId = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT CAST(event_id AS TEXT) FROM outbox_event WHERE type = ?1 AND event_key = ?2")
                .setParameter(1, CourseCompleted.TYPE).setParameter(2, learner).getSingleResult().toString());
        assertEquals(XapiStatements.statementId(eventId).toString(), statement.at("/id").asText());

        // The rest is sent too: initialized once, experienced and completed per lesson, answered per question,
        // passed with the score; the real LRS accepted every one of them, each in the learner's registration.
        await().atMost(WAIT).until(() -> accepted(learner).size() == 9);
        List<Received> all = accepted(learner);
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM xapi_outbox WHERE statement LIKE ?1 AND status <> 'SENT'",
                "%" + learner + "%"), "the LRS refused none");
        assertTrue(all.stream().allMatch(r -> r.statement().at("/context/registration").asText().equals(registration)));
        assertEquals(1, verbs(all, XapiStatements.INITIALIZED).size());
        assertEquals(courseActivity, verbs(all, XapiStatements.INITIALIZED).get(0).at("/object/id").asText());
        assertEquals(2, verbs(all, XapiStatements.EXPERIENCED).size());
        assertEquals(2, all.stream().filter(r -> r.statement().at("/object/id").asText().startsWith(courseActivity + "/lessons/")
                && r.statement().at("/verb/id").asText().endsWith("/completed")).count());
        assertEquals(courseActivity, verbs(all, XapiStatements.EXPERIENCED).get(0).at("/context/contextActivities/parent/0/id").asText());
        List<JsonNode> answered = verbs(all, XapiStatements.ANSWERED);
        assertEquals(2, answered.size());
        JsonNode choice = answered.stream().filter(a -> a.at("/object/id").asText().endsWith("/questions/q-role-1")).findFirst().orElseThrow();
        assertEquals("http://adlnet.gov/expapi/activities/cmi.interaction", choice.at("/object/definition/type").asText());
        assertEquals("choice", choice.at("/object/definition/interactionType").asText());
        assertEquals("role", choice.at("/object/definition/choices/0/id").asText());
        assertEquals("Role power", choice.at("/object/definition/choices/0/description/en-US").asText());
        assertEquals("role", choice.at("/object/definition/correctResponsesPattern/0").asText());
        assertEquals("role", choice.at("/result/response").asText());
        assertTrue(choice.at("/result/success").asBoolean());
        assertEquals(courseActivity + "/quizzes/q", choice.at("/context/contextActivities/parent/0/id").asText());
        assertEquals(courseActivity, choice.at("/context/contextActivities/grouping/0/id").asText());
        JsonNode matching = answered.stream().filter(a -> a.at("/object/id").asText().endsWith("/questions/q-match-1")).findFirst().orElseThrow();
        assertEquals("matching", matching.at("/object/definition/interactionType").asText());
        assertEquals("i1", matching.at("/object/definition/source/0/id").asText());
        assertEquals("expertise", matching.at("/object/definition/target/1/id").asText());
        assertEquals("i1[.]role[,]i2[.]expertise", matching.at("/object/definition/correctResponsesPattern/0").asText());
        assertEquals("i1[.]role[,]i2[.]expertise", matching.at("/result/response").asText());
        // What the LRS keeps: every statement, read back from it with its own query API.
        assertEquals(9, stored(learner).size());
        Received passed = all.stream().filter(r -> r.statement().at("/verb/id").asText().equals(XapiStatements.PASSED))
                .findFirst().orElseThrow();
        JsonNode quiz = passed.statement();
        assertEquals(courseActivity + "/quizzes/q", quiz.at("/object/id").asText());
        assertTrue(quiz.at("/result/success").asBoolean());
        assertEquals(0.9, quiz.at("/result/score/scaled").asDouble(), 1e-9);
        assertEquals(9.0, quiz.at("/result/score/raw").asDouble(), 1e-9);
        assertEquals(10.0, quiz.at("/result/score/max").asDouble(), 1e-9);
        assertEquals("PT1M35S", quiz.at("/result/duration").asText());
        assertEquals(courseActivity, quiz.at("/context/contextActivities/parent/0/id").asText());
    }

    @Test
    void aStatementTheLrsRejectsIsFailedWithItsReasonOnceAndTheRestOfItsBatchIsDelivered() throws Exception {
        String courseId = unique("xapi-reject");
        String learner = unique("learner");
        // The proxy spoils this learner's experienced statement (a duration of "5 minutes"): the LRS refuses it.
        post("/corrupt?learner=" + learner);
        publish(lesson(learner, "acme", courseId, 1, "a", 1));
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM xapi_outbox WHERE statement LIKE ?1 AND status <> 'PENDING'", "%" + learner + "%") == 3);
        assertEquals(1L, count(entityManager, """
                SELECT count(*) FROM xapi_outbox WHERE statement LIKE ?1 AND status = 'FAILED' AND verb = ?2 AND attempts = 1
                AND last_error LIKE 'rejected by the LRS: HTTP 400%' AND last_error LIKE '%result.duration%'""",
                "%" + learner + "%", XapiStatements.EXPERIENCED), "failed at once, with the LRS's own reason");
        assertEquals(2L, count(entityManager, "SELECT count(*) FROM xapi_outbox WHERE statement LIKE ?1 AND status = 'SENT'",
                "%" + learner + "%"), "initialized and completed still reach the LRS");
        assertEquals(2, stored(learner).size());
        // Not retried: after a few more sender passes, the refused statement was posted no more.
        long posts = received(learner).stream().filter(r -> r.status() == 400).count();
        Thread.sleep(1000);
        assertEquals(posts, received(learner).stream().filter(r -> r.status() == 400).count());
    }

    @Test
    void aStatementSentAgainIsAcceptedAsDeliveredAndStoredOnceByTheLrs() throws Exception {
        String courseId = unique("xapi-dup");
        String learner = unique("learner");
        publish(lesson(learner, "acme", courseId, 1, "a", 1));
        await().atMost(WAIT).until(() -> accepted(learner).size() == 3);
        // As if the LRS's answer had been lost: the same statements go again, under the same ids.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE xapi_outbox SET status = 'PENDING' WHERE statement LIKE ?1").setParameter(1, "%" + learner + "%").executeUpdate());
        await().atMost(WAIT).until(() -> received(learner).size() == 6);
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM xapi_outbox WHERE statement LIKE ?1 AND status = 'SENT' AND attempts = 2", "%" + learner + "%") == 3);
        assertTrue(received(learner).stream().allMatch(r -> r.status() == 200 || r.status() == 204 || r.status() == 409),
                "a duplicate id is not an error: " + received(learner));
        assertEquals(3, stored(learner).size(), "the LRS keeps each statement once");
    }

    @Test
    void aFailedAttemptSendsFailed() throws Exception {
        String courseId = unique("xapi-fail");
        String learner = unique("learner");
        publish(attempt(learner, "acme", courseId, 1, 40, 1));
        // initialized, the two questions answered, failed.
        await().atMost(WAIT).until(() -> accepted(learner).size() == 4);
        JsonNode statement = verbs(accepted(learner), XapiStatements.FAILED).get(0);
        JsonNode wrong = verbs(accepted(learner), XapiStatements.ANSWERED).stream()
                .filter(a -> a.at("/object/id").asText().endsWith("/questions/q-role-1")).findFirst().orElseThrow();
        assertEquals("expertise", wrong.at("/result/response").asText());
        assertFalse(wrong.at("/result/success").asBoolean());
        assertEquals(XapiStatements.FAILED, statement.at("/verb/id").asText());
        assertFalse(statement.at("/result/success").asBoolean());
        assertEquals(0.4, statement.at("/result/score/scaled").asDouble(), 1e-9);
        assertTrue(statement.at("/actor/name").isMissingNode(), "no name on record: the account alone");
    }

    @Test
    void aRedeliveredEventSendsNoNewStatement() throws Exception {
        String courseId = unique("xapi-again");
        String learner = unique("learner");
        LessonCompleted first = lesson(learner, "acme", courseId, 1, "a", 1);
        String firstId = UUID.randomUUID().toString();
        KafkaTestClient.publish(first, firstId);
        KafkaTestClient.publish(first, firstId);
        // A later event on the same partition (same key): once it is delivered, the redelivery was handled.
        String laterId = publish(lesson(learner, "acme", courseId, 1, "b", 2));
        String later = XapiStatements.statementId(laterId).toString();
        await().atMost(WAIT).until(() -> accepted(learner).stream().anyMatch(r -> r.statement().at("/id").asText().equals(later)));

        String once = XapiStatements.statementId(firstId).toString();
        assertEquals(1, received(learner).stream().filter(r -> r.statement().at("/id").asText().equals(once)).count());
        // Lesson a and lesson b: experienced and completed each, and initialized once.
        assertEquals(5, received(learner).size());
        assertEquals(1L, count(entityManager, "SELECT count(*) FROM xapi_outbox WHERE statement_id = CAST(?1 AS UUID)", once));
    }

    @Test
    void anLrsThatFailsTwiceGetsTheStatementOnTheThirdTry() throws Exception {
        String courseId = unique("xapi-retry");
        String learner = unique("learner");
        publish(course(courseId, 1));
        requiredLessonsDone(learner, "acme", courseId);
        await().atMost(WAIT).until(() -> accepted(learner).size() == 5);

        post("/fail?learner=" + learner + "&times=2");
        publish(attempt(learner, "acme", courseId, 1, 80, 3));
        String courseActivity = "https://upward.local/courses/" + courseId;
        await().atMost(WAIT).until(() -> accepted(learner).stream().anyMatch(r -> isCourseCompletion(r, courseActivity)));

        List<Received> tries = received(learner).stream().filter(r -> isCourseCompletion(r, courseActivity)).toList();
        assertEquals(List.of(503, 503), tries.stream().map(Received::status).toList().subList(0, 2));
        assertTrue(List.of(200, 204).contains(tries.get(2).status()));
        assertEquals(3, tries.size());
        String id = tries.get(0).statement().at("/id").asText();
        assertTrue(tries.stream().allMatch(r -> r.statement().at("/id").asText().equals(id)), "each try re-sends the same id");
        await().atMost(WAIT).until(() -> count(entityManager, """
                SELECT count(*) FROM xapi_outbox WHERE statement_id = CAST(?1 AS UUID) AND status = 'SENT' AND attempts = 3""", id) == 1);
    }

    @Test
    void aGlobexEventSendsNothingToAcmesLrs() throws Exception {
        String courseId = unique("xapi-globex");
        String learner = unique("globex-learner");
        publish(course(courseId, 1));
        publish(lesson(learner, "globex", courseId, 1, "a", 1));
        publish(attempt(learner, "globex", courseId, 1, 90, 2));
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM learner_course_summary WHERE learner_id = ?1 AND lessons_done = 1", learner) == 1);
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM xapi_outbox WHERE org_id = 'globex'"),
                "globex has no LRS: nothing is stored");
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM xapi_outbox WHERE statement LIKE ?1", "%" + learner + "%"));
        assertTrue(received(learner).isEmpty());
    }

    @Test
    void theAdminSummaryShowsPendingSentAndFailedForTheAdminsOrgOnly() {
        String courseId = unique("xapi-admin");
        // umbrella delivers to a healthy LRS: initialized, two lessons (experienced, completed), two answers, a pass
        // and the completion, all sent.
        String learner = unique("umbrella-learner");
        publish(course(courseId, 1));
        requiredLessonsDone(learner, "umbrella", courseId);
        publish(attempt(learner, "umbrella", courseId, 1, 90, 3));
        // initech's LRS always answers 503: after max-attempts (3 in the tests) the statements (initialized,
        // experienced, completed) are FAILED.
        publish(lesson(unique("initech-learner"), "initech", courseId, 1, "a", 1));

        String umbrella = TestTokens.admin("umbrella-admin", "umbrella");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(umbrella).get("/api/v1/admin/reports/xapi-deliveries")
                .then().statusCode(200).body("lrsConfigured", equalTo(true)).body("pending", equalTo(0))
                .body("sent", equalTo(9)).body("failed", equalTo(0)).body("lastError", nullValue()));
        String initech = TestTokens.admin("initech-admin", "initech");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(initech).get("/api/v1/admin/reports/xapi-deliveries")
                .then().statusCode(200).body("lrsConfigured", equalTo(true)).body("pending", equalTo(0))
                .body("sent", equalTo(0)).body("failed", equalTo(3))
                .body("lastError", containsString("HTTP 503")).body("lastErrorAt", notNullValue()));
        // Basic auth is checked: a wrong secret is refused (401), counted like any failure, and reported.
        String hooliLearner = unique("hooli-learner");
        publish(lesson(hooliLearner, "hooli", courseId, 1, "a", 1));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin("hooli-admin", "hooli"))
                .get("/api/v1/admin/reports/xapi-deliveries").then().statusCode(200).body("pending", equalTo(0))
                .body("sent", equalTo(0)).body("failed", equalTo(3)).body("lastError", containsString("HTTP 401")));
        given().auth().oauth2(TestTokens.admin("globex-admin", "globex")).get("/api/v1/admin/reports/xapi-deliveries")
                .then().statusCode(200).body("lrsConfigured", equalTo(false)).body("pending", equalTo(0))
                .body("sent", equalTo(0)).body("failed", equalTo(0));
        given().auth().oauth2(TestTokens.learner(learner, "umbrella")).get("/api/v1/admin/reports/xapi-deliveries")
                .then().statusCode(403);
        given().get("/api/v1/admin/reports/xapi-deliveries").then().statusCode(401);
    }

    private static boolean isCourseCompletion(Received received, String courseActivity) {
        return received.statement().at("/verb/id").asText().equals(XapiStatements.COMPLETED)
                && received.statement().at("/object/id").asText().equals(courseActivity);
    }

    private static List<JsonNode> verbs(List<Received> received, String verb) {
        return received.stream().map(Received::statement).filter(s -> s.at("/verb/id").asText().equals(verb)).toList();
    }

    /** The learner's statements the LRS keeps, read back from it (GET statements?agent=...). */
    private List<JsonNode> stored(String learner) throws Exception {
        String agent = JSON.createObjectNode().set("account", JSON.createObjectNode()
                .put("homePage", "https://upward.local").put("name", learner)).toString();
        return TestLrs.stored(realLrs, "limit=100&agent=" + URLEncoder.encode(agent, StandardCharsets.UTF_8));
    }

    private List<Received> received(String learner) throws Exception {
        return TestLrs.received(lrs, learner);
    }

    private List<Received> accepted(String learner) throws Exception {
        return received(learner).stream().filter(r -> r.status() == 200 || r.status() == 204).toList();
    }

    private void post(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(lrs + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, response.statusCode());
    }
}
