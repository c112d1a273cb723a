package com.upward.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.support.Api;
import com.upward.assessment.support.Bank;
import com.upward.assessment.support.TestClock;
import com.upward.platform.events.contract.PracticeCompleted;
import com.upward.platform.events.contract.Topics;
import com.upward.platform.testing.EventSchemas;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spaced practice of the power types not mastered: a Leitner schedule moved by the test clock, never by sleeping. */
@QuarkusTest
class PracticeTest {

    private static final String QUIZ = "four-types-of-power";
    private static final String COURSE = "how-to-lead-upward";
    /** The quiz's questions that test expertise and no other type: wrong, they fail expertise alone (2 of 5). */
    private static final Set<String> EXPERTISE_ONLY = Set.of("q-expertise-1", "q-expertise-2", "q-scenario-7");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Test
    void failedExpertiseIsDueTheNextDayAndPassingItMovesItOutToThreeDaysLater() throws Exception {
        String learner = "practice-" + UUID.randomUUID();
        String token = TestTokens.learner(learner, "acme");
        String attempt = failExpertise(token);
        JsonPath graded = quiz(token);

        // The next day's set is scheduled, and nothing else: the other types were mastered.
        JsonPath practice = practice(token);
        assertEquals(List.of("EXPERTISE"), practice.getList("cards.powerType"));
        assertEquals(1, practice.getInt("cards[0].box"));
        assertFalse(practice.getBoolean("cards[0].due"));
        assertEquals(0, practice.getInt("dueNow"));
        Instant submitted = Instant.parse(Api.get(token, attempt).path("submittedAt"));
        assertEquals(submitted.plus(Duration.ofDays(1)), Instant.parse(practice.getString("cards[0].dueAt")));
        Response early = start(token, "EXPERTISE");
        assertProblem(early, 409);
        assertEquals("Practice not due yet", early.path("title"));

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertEquals(1, practice(token).getInt("dueNow"));
        Response started = start(token, "EXPERTISE");
        started.then().statusCode(201).body("status", equalTo("IN_PROGRESS")).body("box", equalTo(1))
                .body("questions", hasSize(4));
        assertFalse(started.asString().contains("\"correct\""), "no keys before submission");
        String set = started.path("id");
        assertTrue(started.header("Location").endsWith("/api/v1/me/practice/sessions/" + set));
        List<String> questions = started.jsonPath().getList("questions.id", String.class);
        questions.forEach(q -> assertTrue(Bank.powerTypes(q).contains("EXPERTISE"), q + " tests expertise"));
        // Starting again resumes the open set with the same questions.
        start(token, "EXPERTISE").then().statusCode(200).body("id", equalTo(set));
        assertEquals(set, practice(token).getString("cards[0].openSessionId"));

        Response passed = submit(token, set, questions.stream().map(Bank::correct).toList());
        passed.then().statusCode(200).body("status", equalTo("SCORED")).body("outcome.percent", equalTo(100.0f))
                .body("outcome.mastered", equalTo(true)).body("outcome.box", equalTo(2))
                .body("result.questions", hasSize(4));
        Instant practisedAt = Instant.parse(passed.path("submittedAt"));
        assertEquals(practisedAt.plus(Duration.ofDays(3)), Instant.parse(passed.path("outcome.nextDueAt")));
        JsonPath after = practice(token);
        assertEquals(2, after.getInt("cards[0].box"));
        assertEquals(practisedAt.plus(Duration.ofDays(3)), Instant.parse(after.getString("cards[0].dueAt")));
        assertFalse(after.getBoolean("cards[0].due"));
        assertNull(after.get("cards[0].openSessionId"));

        // One event through the outbox, as its schema says; a resubmission changes and publishes nothing.
        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(Topics.ASSESSMENT,
                r -> r.value().contains(set), 1, Duration.ofSeconds(20));
        assertEquals(PracticeCompleted.TYPE, KafkaTestClient.header(events.get(0), "ce_type"));
        assertEquals(learner, events.get(0).key());
        EventSchemas.assertMatchesSchema(PracticeCompleted.TYPE, events.get(0).value());
        JsonNode data = JSON.readTree(events.get(0).value());
        assertEquals("SPACED_SET", data.get("kind").asText());
        assertEquals("EXPERTISE", data.get("powerType").asText());
        assertEquals(2, data.get("box").asInt());
        assertEquals(practisedAt.plus(Duration.ofDays(3)), Instant.parse(data.get("nextDueAt").asText()));
        submit(token, set, questions.stream().map(Bank::wrong).toList()).then().statusCode(200).body("outcome.box", equalTo(2));
        assertEquals(1, KafkaTestClient.await(Topics.ASSESSMENT, r -> r.value().contains(set), 2, Duration.ofSeconds(3)).size());

        // Practice never changes the graded result.
        assertEquals(graded.getMap("myAttempts"), quiz(token).getMap("myAttempts"));
    }

    @Test
    void aFailedSetGoesBackToTheFirstBoxAndTheNextSetAvoidsTheQuestionsJustShown() {
        String token = TestTokens.learner("practice-back-" + UUID.randomUUID(), "acme");
        failExpertise(token);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        String first = start(token, "EXPERTISE").then().statusCode(201).extract().path("id");
        List<String> firstQuestions = questionIds(token, first);
        submit(token, first, firstQuestions.stream().map(Bank::correct).toList()).then().body("outcome.box", equalTo(2));

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        String second = start(token, "EXPERTISE").then().statusCode(201).body("box", equalTo(2)).extract().path("id");
        List<String> secondQuestions = questionIds(token, second);
        Set<String> overlap = new HashSet<>(firstQuestions);
        overlap.retainAll(secondQuestions);
        assertEquals(Set.of(), overlap, "no question returns in the next set");
        Response failed = submit(token, second, secondQuestions.stream().map(Bank::wrong).toList());
        failed.then().body("outcome.mastered", equalTo(false)).body("outcome.box", equalTo(1));
        assertEquals(Instant.parse(failed.path("submittedAt")).plus(Duration.ofDays(1)),
                Instant.parse(failed.path("outcome.nextDueAt")));
    }

    @Test
    void badRequestsAndOtherLearnersSetsAreRefused() {
        String token = TestTokens.learner("practice-bad-" + UUID.randomUUID(), "acme");
        assertProblem(start(token, "ROLE"), 404);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("courseId", COURSE, "powerType", "CHARM"))
                .post("/api/v1/me/practice/sessions"), 400);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("powerType", "ROLE"))
                .post("/api/v1/me/practice/sessions"), 400);
        assertProblem(given().auth().oauth2(token).get("/api/v1/me/practice/sessions/not-a-uuid"), 400);
        assertProblem(given().auth().oauth2(token).get("/api/v1/me/practice/sessions/" + UUID.randomUUID()), 404);

        failExpertise(token);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        String set = start(token, "EXPERTISE").then().statusCode(201).extract().path("id");
        String other = TestTokens.learner("practice-other-" + UUID.randomUUID(), "acme");
        assertProblem(given().auth().oauth2(other).get("/api/v1/me/practice/sessions/" + set), 404);
        assertProblem(submit(other, set, List.of()), 404);
        assertProblem(submit(token, set, List.of(Bank.correct("q-role-1"))), 422);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-" + UUID.randomUUID(), "acme"))
                .get("/api/v1/me/practice"), 403);
        assertProblem(given().get("/api/v1/me/practice"), 401);
    }

    /** Scores an attempt at the four types of power with only the expertise-only questions wrong. */
    static String failExpertise(String token) {
        String attempt = Api.started(token, QUIZ);
        List<Map<String, Object>> answers = Bank.quizQuestionIds(QUIZ).stream()
                .map(q -> EXPERTISE_ONLY.contains(q) ? Bank.wrong(q) : Bank.correct(q)).toList();
        Api.submit(token, attempt, answers).then().statusCode(200)
                .body("result.byPowerType.EXPERTISE.mastered", equalTo(false))
                .body("result.byPowerType.ROLE.mastered", equalTo(true));
        return attempt;
    }

    static Response start(String token, String powerType) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("courseId", COURSE, "powerType", powerType)).post("/api/v1/me/practice/sessions");
    }

    static Response submit(String token, String set, List<Map<String, Object>> answers) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("answers", answers))
                .post("/api/v1/me/practice/sessions/" + set + "/submission");
    }

    private static JsonPath practice(String token) {
        return given().auth().oauth2(token).get("/api/v1/me/practice").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath quiz(String token) {
        return given().auth().oauth2(token).get("/api/v1/quizzes/" + QUIZ).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> questionIds(String token, String set) {
        return given().auth().oauth2(token).get("/api/v1/me/practice/sessions/" + set).then().statusCode(200)
                .extract().jsonPath().getList("questions.id", String.class);
    }
}
