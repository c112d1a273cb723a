package com.upward.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.upward.progress.service.Cmi5Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static com.upward.progress.TestEvents.attempt;
import static com.upward.progress.TestEvents.count;
import static com.upward.progress.TestEvents.lesson;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upward launched as a cmi5 AU by acme's LMS ({@link TestLrs}: its fetch URL and state API, and the real LRS,
 * Learning Locker's statements service, for the statements): the token fetched once, LMS.LaunchData read, then
 * initialized, completed or passed/failed, terminated, in that order, each as cmi5 defines it.
 */
@QuarkusTest
class Cmi5LaunchTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String INITIALIZED = "http://adlnet.gov/expapi/verbs/initialized";
    private static final String TERMINATED = "http://adlnet.gov/expapi/verbs/terminated";

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "xapi.test-lrs.url")
    String lms;

    @ConfigProperty(name = "xapi.test-lrs.real-endpoint")
    String realLrs;

    @Test
    void aLessonLaunchSendsInitializedThenCompletedThenTerminatedToTheLmsLrs() throws Exception {
        String learner = unique("cmi5-learner");
        String courseId = unique("cmi5");
        String registration = UUID.randomUUID().toString();
        String sessionId = UUID.randomUUID().toString();
        String activityId = "https://lms.acme.example/activities/" + unique("au");
        String key = unique("fetch");
        launchData(registration, sessionId, "Normal", null);

        Response launch = launch("lessons/a", courseId, learner, registration, activityId, key);
        launch.then().statusCode(303).header("Location", "http://localhost:8080/#/courses/" + courseId + "/lessons/a")
                .header("Cache-Control", "no-store");
        await().atMost(WAIT).until(() -> sent(learner).size() == 1);
        JsonNode log = get(lms + "/lms-log");
        assertEquals(1, log.at("/fetches/" + key).asInt(), "the fetch URL is called once");
        JsonNode read = null;
        for (JsonNode candidate : log.get("stateReads")) {
            read = registration.equals(candidate.path("registration").asText()) ? candidate : read;
        }
        assertEquals("LMS.LaunchData", read.get("stateId").asText());
        assertEquals(activityId, read.get("activityId").asText());
        assertEquals(learner, JSON.readTree(read.get("agent").asText()).at("/account/name").asText());
        assertEquals("1.0.3", read.get("version").asText());

        publish(lesson(learner, "acme", courseId, 1, "a", 1));
        await().atMost(WAIT).until(() -> sent(learner).size() == 3);
        List<JsonNode> statements = sent(learner);
        assertEquals(List.of(INITIALIZED, "http://adlnet.gov/expapi/verbs/completed", TERMINATED),
                statements.stream().map(s -> s.at("/verb/id").asText()).toList(), "initialized first, terminated last");
        for (JsonNode statement : statements) {
            assertEquals(activityId, statement.at("/object/id").asText());
            assertEquals(learner, statement.at("/actor/account/name").asText());
            assertEquals("https://lms.acme.example", statement.at("/actor/account/homePage").asText());
            assertEquals(registration, statement.at("/context/registration").asText());
            assertEquals(sessionId, statement.at("/context/extensions").path(
                    "https://w3id.org/xapi/cmi5/context/extensions/sessionid").asText());
            assertEquals("https://lms.acme.example/course", statement.at("/context/contextActivities/grouping/0/id").asText(),
                    "LMS.LaunchData's contextTemplate is kept");
            assertTrue(categories(statement).contains(Cmi5Sessions.CMI5_CATEGORY));
        }
        JsonNode completed = statements.get(1);
        assertTrue(completed.at("/result/completion").asBoolean());
        assertTrue(completed.at("/result/score").isMissingNode(), "no score on completed");
        assertTrue(completed.at("/result/duration").asText().startsWith("PT"));
        assertTrue(categories(completed).contains(Cmi5Sessions.MOVEON_CATEGORY));
        assertTrue(statements.get(2).at("/result/duration").asText().startsWith("PT"));
        assertFalse(categories(statements.get(2)).contains(Cmi5Sessions.MOVEON_CATEGORY));
        // The LMS's LRS holds all three under the registration.
        assertEquals(3, stored("registration=" + registration).size());

        // The launch URL again: its fetch URL is spent, so the LMS refuses, and so does Upward, storing nothing.
        assertProblem(launch("lessons/a", courseId, learner, registration, activityId, key), 409);
        assertEquals(1L, count(entityManager, "SELECT count(*) FROM cmi5_session WHERE learner_id = ?1", learner));
    }

    @Test
    void aQuizLaunchSendsPassedOrFailedByTheLmsMasteryScoreWithTheScore() throws Exception {
        String courseId = unique("cmi5-quiz");
        String failing = unique("cmi5-learner");
        String failingRegistration = UUID.randomUUID().toString();
        // 75% passes Upward's own mark (70%) but not the LMS's masteryScore of 0.8: cmi5 makes the LMS's count.
        launchData(failingRegistration, UUID.randomUUID().toString(), "Normal", 0.8);
        launch("quizzes/q", courseId, failing, failingRegistration, "https://lms.acme.example/activities/q1", unique("fetch"))
                .then().statusCode(303).header("Location", "http://localhost:8080/#/quizzes/q");
        String passing = unique("cmi5-learner");
        String passingRegistration = UUID.randomUUID().toString();
        launchData(passingRegistration, UUID.randomUUID().toString(), "Normal", 0.8);
        launch("quizzes/q", courseId, passing, passingRegistration, "https://lms.acme.example/activities/q1", unique("fetch"))
                .then().statusCode(303);

        publish(attempt(failing, "acme", courseId, 1, 75, 3));
        publish(attempt(passing, "acme", courseId, 1, 90, 3));
        await().atMost(WAIT).until(() -> sent(failing).size() == 3 && sent(passing).size() == 3);

        JsonNode failed = sent(failing).get(1);
        assertEquals("http://adlnet.gov/expapi/verbs/failed", failed.at("/verb/id").asText());
        assertFalse(failed.at("/result/success").asBoolean());
        assertEquals(0.75, failed.at("/result/score/scaled").asDouble(), 1e-9);
        assertTrue(failed.at("/result/duration").asText().startsWith("PT"));
        assertTrue(categories(failed).contains(Cmi5Sessions.MOVEON_CATEGORY));
        assertEquals(TERMINATED, sent(failing).get(2).at("/verb/id").asText());
        JsonNode passed = sent(passing).get(1);
        assertEquals("http://adlnet.gov/expapi/verbs/passed", passed.at("/verb/id").asText());
        assertTrue(passed.at("/result/success").asBoolean());
        assertEquals(0.9, passed.at("/result/score/scaled").asDouble(), 1e-9);
        assertEquals(3, stored("registration=" + passingRegistration).size());
    }

    @Test
    void aLessonDoneBeforeItsLaunchCompletesAtOnce() throws Exception {
        String learner = unique("cmi5-learner");
        String courseId = unique("cmi5-done");
        publish(lesson(learner, "acme", courseId, 1, "a", 1));
        await().atMost(WAIT).until(() -> count(entityManager, "SELECT count(*) FROM lesson_done WHERE learner_id = ?1", learner) == 1);
        String registration = UUID.randomUUID().toString();
        launchData(registration, UUID.randomUUID().toString(), "Normal", null);
        launch("lessons/a", courseId, learner, registration, "https://lms.acme.example/activities/a", unique("fetch"))
                .then().statusCode(303);
        await().atMost(WAIT).until(() -> sent(learner).size() == 3);
        assertEquals(List.of(INITIALIZED, "http://adlnet.gov/expapi/verbs/completed", TERMINATED),
                sent(learner).stream().map(s -> s.at("/verb/id").asText()).toList());
    }

    @Test
    void aLaunchFromAnUnknownLmsOrWithBadParametersIsRefusedAndStoresNothing() throws Exception {
        String learner = unique("cmi5-learner");
        String registration = UUID.randomUUID().toString();
        launchData(registration, UUID.randomUUID().toString(), "Normal", null);
        String path = "/api/v1/cmi5/courses/c1/lessons/a";
        String actor = actor(learner);
        // Not a registered LMS: Upward never calls it, so a crafted launch cannot send a learner's results elsewhere.
        assertProblem(given().redirects().follow(false).queryParam("endpoint", "http://127.0.0.1:9/xapi/")
                .queryParam("fetch", "http://127.0.0.1:9/fetch").queryParam("actor", actor)
                .queryParam("registration", registration).queryParam("activityId", "https://lms.example/a").get(path), 403);
        // A fetch URL on another origin than the registered LMS.
        assertProblem(given().redirects().follow(false).queryParam("endpoint", lms + "/lrs/lms/")
                .queryParam("fetch", "http://127.0.0.1:9/fetch").queryParam("actor", actor)
                .queryParam("registration", registration).queryParam("activityId", "https://lms.example/a").get(path), 403);
        assertProblem(launch("lessons/a", "c1", learner, "not-a-uuid", "https://lms.example/a", unique("fetch")), 400);
        assertProblem(given().redirects().follow(false).queryParam("endpoint", lms + "/lrs/lms/")
                .queryParam("fetch", lms + "/lms-fetch/" + unique("k")).queryParam("actor", "{\"mbox\":\"mailto:a@b.c\"}")
                .queryParam("registration", registration).queryParam("activityId", "https://lms.example/a").get(path), 400);
        assertProblem(given().redirects().follow(false).queryParam("endpoint", lms + "/lrs/lms/").get(path), 400);
        assertEquals(0L, count(entityManager, "SELECT count(*) FROM cmi5_session WHERE learner_id = ?1", learner));
    }

    private Response launch(String au, String courseId, String learner, String registration, String activityId, String fetchKey) {
        return given().redirects().follow(false)
                .queryParam("endpoint", lms + "/lrs/lms/")
                .queryParam("fetch", lms + "/lms-fetch/" + fetchKey)
                .queryParam("actor", actor(learner))
                .queryParam("registration", registration)
                .queryParam("activityId", activityId)
                .get("/api/v1/cmi5/courses/" + courseId + "/" + au);
    }

    private static String actor(String learner) {
        ObjectNode actor = JSON.createObjectNode().put("objectType", "Agent").put("name", "Learner " + learner);
        actor.putObject("account").put("homePage", "https://lms.acme.example").put("name", learner);
        return actor.toString();
    }

    /** What acme's LMS keeps in its state API for the registration, as an LMS writes it before a launch. */
    private void launchData(String registration, String sessionId, String launchMode, Double masteryScore) throws Exception {
        ObjectNode data = JSON.createObjectNode().put("launchMode", launchMode).put("moveOn", "CompletedOrPassed")
                .put("returnURL", "https://lms.acme.example/return");
        if (masteryScore != null) {
            data.put("masteryScore", masteryScore);
        }
        ObjectNode template = data.putObject("contextTemplate");
        template.putObject("contextActivities").putArray("grouping").addObject().put("id", "https://lms.acme.example/course");
        template.putObject("extensions").put("https://w3id.org/xapi/cmi5/context/extensions/sessionid", sessionId);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(lms + "/lms-launch-data?registration=" + registration))
                .POST(HttpRequest.BodyPublishers.ofString(data.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, response.statusCode());
    }

    /** The learner's statements the LMS's LRS accepted, in the order they were posted. */
    private List<JsonNode> sent(String learner) throws Exception {
        return TestLrs.received(lms, learner).stream().filter(r -> r.org().equals("lms") && r.status() == 200)
                .map(TestLrs.Received::statement).toList();
    }

    private List<JsonNode> stored(String query) throws Exception {
        return TestLrs.stored(realLrs, query);
    }

    private static List<String> categories(JsonNode statement) {
        List<String> ids = new ArrayList<>();
        statement.at("/context/contextActivities/category").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static JsonNode get(String url) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
