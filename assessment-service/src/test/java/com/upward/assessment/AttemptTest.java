package com.upward.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.support.Api;
import com.upward.assessment.support.Bank;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.events.contract.Topics;
import com.upward.platform.testing.EventSchemas;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AttemptTest {

    private static final String QUIZ = "four-types-of-power";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quizSettingsShowTheRulesAndMyAttemptsButNoAnswers() {
        String token = TestTokens.learner("settings-" + UUID.randomUUID(), "acme");
        Response quiz = given().auth().oauth2(token).get("/api/v1/quizzes/" + QUIZ);
        quiz.then().statusCode(200)
                .body("title", equalTo("The four types of power")).body("kind", equalTo("GRADED"))
                .body("passPercent", equalTo(80)).body("questionCount", equalTo(12))
                .body("attemptsAllowed", equalTo(3)).body("minutesBetweenAttempts", equalTo(0))
                .body("timeLimitMinutes", equalTo(20)).body("grading", equalTo("HIGHEST"))
                .body("review", equalTo("AFTER_SUBMISSION")).body("myAttempts.used", equalTo(0))
                .body("myAttempts.remaining", equalTo(3));
        assertNoKeys(quiz.asString());
        given().auth().oauth2(token).get("/api/v1/quizzes/tips-check").then().statusCode(200)
                .body("attemptsAllowed", equalTo(null)).body("timeLimitMinutes", equalTo(null));
    }

    @Test
    void anAttemptIsShuffledStoredAndCarriesNoKeysBeforeSubmission() {
        String token = TestTokens.learner("shuffle-" + UUID.randomUUID(), "acme");
        Response started = Api.start(token, QUIZ);
        started.then().statusCode(201).body("status", equalTo("IN_PROGRESS")).body("questions", hasSize(12))
                .body("attemptNumber", equalTo(1));
        assertNoKeys(started.asString());
        String id = started.path("id");
        assertTrue(started.header("Location").endsWith("/api/v1/attempts/" + id));
        assertEquals(new HashSet<>(Bank.quizQuestionIds(QUIZ)), new HashSet<>(started.jsonPath().getList("questions.id")));

        // A reload, and starting again while it is open, show the same attempt in the same order.
        Response reloaded = Api.get(token, id);
        reloaded.then().statusCode(200);
        assertNoKeys(reloaded.asString());
        assertEquals(started.jsonPath().getList("questions"), reloaded.jsonPath().getList("questions"));
        Response resumed = Api.start(token, QUIZ);
        resumed.then().statusCode(200).body("id", equalTo(id));
        assertEquals(started.jsonPath().getList("questions"), resumed.jsonPath().getList("questions"));

        // Questions and options are shuffled: five fresh attempts do not all share one order.
        Set<List<String>> questionOrders = new HashSet<>();
        Set<List<String>> optionOrders = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonPath attempt = Api.start(TestTokens.learner("shuffle-" + UUID.randomUUID(), "acme"), QUIZ).then()
                    .statusCode(201).extract().jsonPath();
            questionOrders.add(attempt.getList("questions.id", String.class));
            optionOrders.add(attempt.getList("questions.find { it.id == 'q-power-1' }.options.id", String.class));
        }
        assertTrue(questionOrders.size() > 1, "question order is shuffled");
        assertTrue(optionOrders.size() > 1, "option order is shuffled");
    }

    @Test
    void allCorrectScoresOneHundredPercentAndEmitsOneEvent() throws Exception {
        String learner = "all-right-" + UUID.randomUUID();
        String token = TestTokens.learner(learner, "acme");
        String id = Api.started(token, QUIZ);
        List<Map<String, Object>> answers = Bank.quizQuestionIds(QUIZ).stream().map(Bank::correct).toList();
        Response result = Api.submit(token, id, answers);
        result.then().statusCode(200).body("status", equalTo("SCORED"))
                .body("result.score", equalTo(12.0f)).body("result.maxScore", equalTo(12.0f))
                .body("result.percent", equalTo(100.0f)).body("result.passed", equalTo(true))
                .body("result.lessonsToRevisit", hasSize(0))
                // totals per type: each question counts for every type it tests (q-power-1 and q-match-1 test all four)
                .body("result.byPowerType.ROLE.total", equalTo(4)).body("result.byPowerType.ROLE.mastered", equalTo(true))
                .body("result.byPowerType.PENALTY.total", equalTo(5)).body("result.byPowerType.PENALTY.correct", equalTo(5.0f))
                .body("result.byPowerType.REPUTATION.total", equalTo(4))
                .body("result.byPowerType.EXPERTISE.total", equalTo(5))
                .body("result.questions", hasSize(12))
                .body("result.questions.find { it.questionId == 'q-role-1' }.outcome", equalTo("CORRECT"))
                .body("result.questions.find { it.questionId == 'q-role-1' }.correctAnswer[0].optionId", equalTo(Bank.optionIds("q-role-1").get(0)))
                .body("result.questions.find { it.questionId == 'q-role-1' }.selected[0].feedback",
                        equalTo(Bank.question("q-role-1").get("options").get(0).get("feedback").asText()));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(Topics.ASSESSMENT,
                r -> r.value().contains(id), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size());
        ConsumerRecord<String, String> event = events.get(0);
        assertEquals(learner, event.key());
        assertEquals(QuizAttemptScored.TYPE, KafkaTestClient.header(event, "ce_type"));
        EventSchemas.assertMatchesSchema(QuizAttemptScored.TYPE, event.value());
        JsonNode data = JSON.readTree(event.value());
        assertEquals("how-to-lead-upward", data.get("courseId").asText());
        assertEquals("acme", data.get("orgId").asText());
        assertEquals(100.0, data.get("percent").asDouble());
        assertEquals(1, data.get("attemptNumber").asInt());
        assertTrue(data.get("byPowerType").get("ROLE").get("mastered").asBoolean());
        assertEquals("HIGHEST", data.get("gradingMethod").asText());
        assertEquals(id, data.get("gradedAttemptId").asText());
        assertEquals(100.0, data.get("gradedPercent").asDouble());
        assertTrue(data.get("gradedPassed").asBoolean());
        // Each question as shown, with the answer and its key, for item-level reports (xAPI "answered").
        assertTrue(data.hasNonNull("startedAt"));
        assertEquals(12, data.get("answers").size());
        JsonNode role = null;
        JsonNode match = null;
        for (JsonNode answered : data.get("answers")) {
            assertEquals(1.0, answered.get("score").asDouble(), 1e-9, "all right: " + answered);
            role = answered.get("questionId").asText().equals("q-role-1") ? answered : role;
            match = answered.get("questionId").asText().equals("q-match-1") ? answered : match;
        }
        assertEquals("CHOICE", role.get("interaction").asText());
        assertEquals(Bank.optionIds("q-role-1").get(0), role.get("correctOptionIds").get(0).asText());
        assertEquals(role.get("correctOptionIds"), role.get("chosenOptionIds"));
        assertEquals(Bank.question("q-role-1").get("options").size(), role.get("options").size());
        assertEquals("MATCHING", match.get("interaction").asText());
        assertEquals(match.get("correctMatches"), match.get("chosenMatches"));
        assertEquals(Bank.question("q-match-1").get("items").size(), match.get("items").size());

        // Resubmitting (even with other answers) returns the same result and publishes nothing more.
        Response again = Api.submit(token, id, Bank.quizQuestionIds(QUIZ).stream().map(Bank::wrong).toList());
        again.then().statusCode(200);
        assertEquals(result.jsonPath().getMap("result"), again.jsonPath().getMap("result"));
        assertEquals(1, KafkaTestClient.await(Topics.ASSESSMENT, r -> r.value().contains(id), 2, Duration.ofSeconds(3)).size());
        // The stored attempt shows the same result on a reload.
        assertEquals(result.jsonPath().getMap("result"), Api.get(token, id).jsonPath().getMap("result"));
        // One time, one spelling: microseconds, as PostgreSQL keeps them, in the answer and on every read after it.
        String submittedAt = result.jsonPath().getString("submittedAt");
        assertTrue(submittedAt.matches("[^.]+(\\.\\d{1,6})?Z"), submittedAt);
        assertEquals(submittedAt, again.jsonPath().getString("submittedAt"));
        assertEquals(submittedAt, Api.get(token, id).jsonPath().getString("submittedAt"));
        assertEquals(submittedAt, result.jsonPath().getString("result.submittedAt"));
    }

    @Test
    void theScoredEventCarriesTheGradeUnderTheQuizsOwnGradingMethod() throws Exception {
        // tips-check grades by LAST: a worse second attempt is the grade, in the quiz settings and in the event.
        String quiz = "tips-check";
        String token = TestTokens.learner("graded-" + UUID.randomUUID(), "acme");
        String first = Api.started(token, quiz);
        Api.submit(token, first, Bank.quizQuestionIds(quiz).stream().map(Bank::correct).toList()).then().statusCode(200);
        String second = Api.started(token, quiz);
        Api.submit(token, second, Bank.quizQuestionIds(quiz).stream().map(Bank::wrong).toList()).then().statusCode(200);

        given().auth().oauth2(token).get("/api/v1/quizzes/" + quiz).then().statusCode(200)
                .body("grading", equalTo("LAST")).body("myAttempts.gradePercent", equalTo(0.0f));
        JsonNode data = JSON.readTree(KafkaTestClient.await(Topics.ASSESSMENT, r -> r.value().contains(second), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertEquals("LAST", data.get("gradingMethod").asText());
        assertEquals(second, data.get("gradedAttemptId").asText());
        assertEquals(0.0, data.get("gradedPercent").asDouble());
        assertFalse(data.get("gradedPassed").asBoolean());
    }

    @Test
    void concurrentSubmissionsScoreOnceAndPublishOneEvent() throws Exception {
        String token = TestTokens.learner("racer-" + UUID.randomUUID(), "acme");
        String id = Api.started(token, QUIZ);
        List<Map<String, Object>> answers = Bank.quizQuestionIds(QUIZ).stream().map(Bank::correct).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> submissions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                submissions.add(pool.submit(() -> Api.submit(token, id, answers)));
            }
            Set<Object> results = new HashSet<>();
            for (Future<Response> submission : submissions) {
                Response response = submission.get(30, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response::asString);
                results.add(response.jsonPath().getMap("result"));
            }
            assertEquals(1, results.size(), "every submission answers with the one stored result");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, KafkaTestClient.await(Topics.ASSESSMENT, r -> r.value().contains(id), 2, Duration.ofSeconds(5)).size());
    }

    @Test
    void allWrongScoresZeroAndNamesEveryLessonToRevisit() {
        String token = TestTokens.learner("all-wrong-" + UUID.randomUUID(), "acme");
        String id = Api.started(token, QUIZ);
        Response result = Api.submit(token, id, Bank.quizQuestionIds(QUIZ).stream().map(Bank::wrong).toList());
        result.then().statusCode(200).body("result.score", equalTo(0.0f)).body("result.percent", equalTo(0.0f))
                .body("result.passed", equalTo(false))
                .body("result.byPowerType.ROLE.correct", equalTo(0.0f)).body("result.byPowerType.ROLE.mastered", equalTo(false))
                .body("result.questions.find { it.questionId == 'q-role-1' }.outcome", equalTo("INCORRECT"))
                .body("result.questions.find { it.questionId == 'q-role-1' }.selected[0].correct", equalTo(false))
                .body("result.questions.find { it.questionId == 'q-match-1' }.matches", hasSize(4));
        Set<String> lessons = new HashSet<>(Bank.quizQuestionIds(QUIZ).stream().map(Bank::lesson).toList());
        assertEquals(lessons, new HashSet<>(result.jsonPath().getList("result.lessonsToRevisit")));
    }

    /**
     * Right: q-role-1, q-role-3, q-penalty-2, q-expertise-1, q-expertise-2, q-scenario-7 (1 each).
     * q-power-1 (multiple response, right a b c): a + b = 2/3. q-match-1: 2 of 4 items = 0.5. The rest wrong.
     * Total 6 + 0.6667 + 0.5 = 7.1667 of 12 = 59.72 %, not passed (80 %).
     * ROLE       = power-1 .6667 + role-1 1 + role-3 1 + match .5                 = 3.1667 / 4 = 79.17 % not mastered
     * PENALTY    = power-1 .6667 + penalty-2 1 + penalty-3 0 + scenario-3 0 + .5  = 2.1667 / 5 = 43.33 %
     * REPUTATION = power-1 .6667 + reputation-1 0 + reputation-2 0 + .5          = 1.1667 / 4 = 29.17 %
     * EXPERTISE  = power-1 .6667 + expertise-1 1 + expertise-2 1 + scenario-7 1 + .5 = 4.1667 / 5 = 83.33 % mastered
     */
    @Test
    void aMixedAttemptGivesTheExpectedScorePerPowerType() {
        String token = TestTokens.learner("mixed-" + UUID.randomUUID(), "acme");
        String id = Api.started(token, QUIZ);
        Set<String> right = Set.of("q-role-1", "q-role-3", "q-penalty-2", "q-expertise-1", "q-expertise-2", "q-scenario-7");
        List<Map<String, Object>> answers = new ArrayList<>();
        for (String q : Bank.quizQuestionIds(QUIZ)) {
            answers.add(right.contains(q) ? Bank.correct(q)
                    : q.equals("q-power-1") ? Bank.options(q, Bank.optionIds(q).subList(0, 2))
                    : q.equals("q-match-1") ? Bank.matching(q, 2)
                    : Bank.wrong(q));
        }
        Api.submit(token, id, answers).then().statusCode(200)
                .body("result.score", equalTo(7.1667f)).body("result.percent", equalTo(59.72f))
                .body("result.passed", equalTo(false))
                .body("result.byPowerType.ROLE.correct", equalTo(3.1667f)).body("result.byPowerType.ROLE.total", equalTo(4))
                .body("result.byPowerType.ROLE.percent", equalTo(79.17f)).body("result.byPowerType.ROLE.mastered", equalTo(false))
                .body("result.byPowerType.PENALTY.correct", equalTo(2.1667f)).body("result.byPowerType.PENALTY.total", equalTo(5))
                .body("result.byPowerType.PENALTY.mastered", equalTo(false))
                .body("result.byPowerType.REPUTATION.correct", equalTo(1.1667f)).body("result.byPowerType.REPUTATION.total", equalTo(4))
                .body("result.byPowerType.EXPERTISE.correct", equalTo(4.1667f)).body("result.byPowerType.EXPERTISE.total", equalTo(5))
                .body("result.byPowerType.EXPERTISE.percent", equalTo(83.33f))
                .body("result.byPowerType.EXPERTISE.mastered", equalTo(true))
                .body("result.questions.find { it.questionId == 'q-power-1' }.score", equalTo(0.6667f))
                .body("result.questions.find { it.questionId == 'q-power-1' }.outcome", equalTo("PARTIAL"))
                .body("result.questions.find { it.questionId == 'q-match-1' }.score", equalTo(0.5f))
                .body("result.lessonsToRevisit.sort()", equalTo(List.of(
                        "personal-power-reputation", "position-power-penalty", "power-and-leading-upward")));
    }

    @Test
    void answersSavedBeforeSubmissionAreScoredWithIt() {
        String token = TestTokens.learner("saver-" + UUID.randomUUID(), "acme");
        String id = Api.started(token, QUIZ);
        Api.save(token, id, List.of(Bank.correct("q-role-1"), Bank.correct("q-match-1"))).then().statusCode(200)
                .body("savedAnswers", hasSize(2)).body("status", equalTo("IN_PROGRESS"));
        // Saving again replaces the answer to that question only.
        Response saved = Api.save(token, id, List.of(Bank.wrong("q-role-1")));
        saved.then().statusCode(200).body("savedAnswers", hasSize(2))
                .body("savedAnswers.find { it.questionId == 'q-role-1' }.optionIds", equalTo(Bank.wrong("q-role-1").get("optionIds")));
        assertNoKeys(saved.asString());
        Api.get(token, id).then().body("savedAnswers", hasSize(2));
        // The submission adds one answer; the saved ones count too.
        Api.submit(token, id, List.of(Bank.correct("q-role-3"))).then().statusCode(200)
                .body("result.score", equalTo(2.0f))
                .body("result.questions.find { it.questionId == 'q-role-1' }.outcome", equalTo("INCORRECT"))
                .body("result.questions.find { it.questionId == 'q-penalty-2' }.outcome", equalTo("UNANSWERED"));
        assertProblem(Api.save(token, id, List.of(Bank.correct("q-role-1"))), 409);
    }

    @Test
    void theFinalAssessmentDrawsFromEachPoolWithoutRepeats() {
        String token = TestTokens.learner("final-" + UUID.randomUUID(), "acme");
        Response attempt = Api.start(token, "final-assessment");
        attempt.then().statusCode(201).body("questions", hasSize(12));
        assertNoKeys(attempt.asString());
        List<String> ids = attempt.jsonPath().getList("questions.id", String.class);
        assertEquals(12, new LinkedHashSet<>(ids).size(), "no question drawn twice");
        for (String type : List.of("ROLE", "PENALTY", "REPUTATION", "EXPERTISE")) {
            assertTrue(ids.stream().filter(q -> Bank.powerTypes(q).contains(type)).count() >= 2, type + " pool drawn");
        }
        assertEquals(4, ids.stream().filter(q -> Bank.powerTypes(q).isEmpty()).count(), "four from the NONE pool");
        // Different learners get different draws.
        Set<Set<String>> draws = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            draws.add(new HashSet<>(Api.start(TestTokens.learner("final-" + UUID.randomUUID(), "acme"), "final-assessment")
                    .then().statusCode(201).extract().jsonPath().getList("questions.id", String.class)));
        }
        assertTrue(draws.size() > 1);
    }

    @Test
    void startingAnAttemptTakesNoBody() {
        String token = TestTokens.learner("body-" + UUID.randomUUID(), "acme");
        Response withFields = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("score", 100, "passed", true))
                .post("/api/v1/quizzes/" + QUIZ + "/attempts");
        assertProblem(withFields, 400);
        // Nothing was started: the first real start creates the learner's first attempt.
        Api.start(token, QUIZ).then().statusCode(201).body("attemptNumber", equalTo(1));
    }

    @Test
    void badAnswersAreRefusedWithAProblemAndNothingIsWritten() {
        String token = TestTokens.learner("bad-" + UUID.randomUUID(), "acme");
        String id = Api.started(token, QUIZ);
        assertProblem(Api.submit(token, id, List.of(Bank.correct("q-intro-1"))), 422);                 // not in this attempt
        assertProblem(Api.submit(token, id, List.of(Bank.options("q-role-1", List.of("zz")))), 422);   // no such option
        assertProblem(Api.submit(token, id, List.of(Bank.options("q-role-1", Bank.optionIds("q-role-1").subList(0, 2)))), 422); // two on single choice
        assertProblem(Api.submit(token, id, List.of(Bank.correct("q-role-1"), Bank.wrong("q-role-1"))), 422); // twice
        assertProblem(Api.submit(token, id, List.of(Bank.options("q-match-1", List.of("role")))), 422); // matching needs matches
        assertProblem(Api.submit(token, id, List.of(Map.of("questionId", "q-match-1", "matches", Map.of("nope", "role")))), 422);
        assertProblem(Api.submit(token, id, List.of(Map.of("questionId", "q-role-1", "matches", Map.of("i1", "a")))), 422);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"answers\":[")
                .post("/api/v1/attempts/" + id + "/submission"), 400);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"answers\":[],\"score\":100}")
                .post("/api/v1/attempts/" + id + "/submission"), 400);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/attempts/" + id + "/submission"), 400);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"answers\":[{\"optionIds\":[\"a\"]}]}")
                .post("/api/v1/attempts/" + id + "/submission"), 400);
        assertProblem(Api.get(token, "not-a-uuid"), 400);
        assertProblem(Api.start(token, "Bad_Quiz"), 400);
        assertProblem(Api.start(token, "no-such-quiz"), 404);
        // None of that touched the attempt.
        Api.get(token, id).then().statusCode(200).body("status", equalTo("IN_PROGRESS")).body("savedAnswers", hasSize(0));
    }

    @Test
    void anAdminIsNotALearnerHere() {
        assertProblem(Api.start(TestTokens.admin("admin-x", "acme"), QUIZ), 403);
    }

    /** Answer keys are JSON fields named correct, feedback or correctOptionId: none may appear before submission. */
    static void assertNoKeys(String json) {
        for (String key : List.of("\"correct\"", "\"feedback\"", "\"correctOptionId\"", "\"correctAnswer\"", "\"powerTypes\"", "\"result\"")) {
            assertFalse(json.contains(key), () -> "learner payload leaks " + key + ": " + json);
        }
        assertNotEquals(-1, json.indexOf('{'));
    }
}
