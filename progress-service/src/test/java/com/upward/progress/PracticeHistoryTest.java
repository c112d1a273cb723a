package com.upward.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.PracticeCompleted;
import com.upward.platform.testing.EventSchemas;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** upward.practice.completed through the inbox: mastery per power type over time, sets done, conversations held. */
@QuarkusTest
class PracticeHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void practiceIsShownBesideTheQuizScoresOncePerEvent() throws Exception {
        String learner = TestEvents.unique("practising");
        String token = TestTokens.learner(learner, "acme");
        TestEvents.publish(TestEvents.attempt(learner, "acme", "c-practice", 1, 40, 1));
        PracticeCompleted set = PracticeCompleted.spacedSet(UUID.randomUUID().toString(), learner, "acme", "c-practice",
                PowerType.EXPERTISE, 100, true, 2, TestEvents.T0.plus(Duration.ofDays(4)), TestEvents.T0.plus(Duration.ofDays(1)));
        PracticeCompleted held = PracticeCompleted.conversation(UUID.randomUUID().toString(), learner, "acme", "c-practice",
                List.of(PowerType.EXPERTISE, PowerType.REPUTATION), TestEvents.T0.plus(Duration.ofDays(2)));
        // The contract is the schema's, for both kinds.
        EventSchemas.assertMatchesSchema(PracticeCompleted.TYPE, JSON.writeValueAsString(set));
        EventSchemas.assertMatchesSchema(PracticeCompleted.TYPE, JSON.writeValueAsString(held));

        String eventId = UUID.randomUUID().toString();
        KafkaTestClient.publish(set, eventId);
        KafkaTestClient.publish(set, eventId); // redelivered
        TestEvents.publish(set); // the same practice under another event id
        TestEvents.publish(held);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath history = history(token);
            assertEquals(1, history.getInt("setsCompleted"));
            assertEquals(1, history.getInt("conversationsHeld"));
            assertEquals(List.of("QUIZ", "PRACTICE"),
                    history.getList("masteryOverTime.find { it.powerType == 'EXPERTISE' }.points.source"));
        });
        JsonPath history = history(token);
        assertEquals(List.of(50.0f, 100.0f), history.getList("masteryOverTime.find { it.powerType == 'EXPERTISE' }.points.percent"));
        assertEquals(List.of(false, true), history.getList("masteryOverTime.find { it.powerType == 'EXPERTISE' }.points.mastered"));
        assertEquals(List.of("QUIZ"), history.getList("masteryOverTime.find { it.powerType == 'ROLE' }.points.source"));
        assertEquals(held.completedAt().toString(), history.getString("lastPractisedAt"));

        // Another organisation's learner of the same id sees none of it.
        JsonPath globex = history(TestTokens.learner(learner, "globex"));
        assertEquals(0, globex.getInt("setsCompleted"));
        assertEquals(List.of(), globex.getList("masteryOverTime"));
    }

    @Test
    void onlyTheLearnerReadsTheirPractice() {
        assertProblem(given().get("/api/v1/me/practice-history"), 401);
        assertProblem(given().auth().oauth2(TestTokens.admin("a", "acme")).get("/api/v1/me/practice-history"), 403);
    }

    private static JsonPath history(String token) {
        return given().auth().oauth2(token).get("/api/v1/me/practice-history").then().statusCode(200).extract().jsonPath();
    }
}
