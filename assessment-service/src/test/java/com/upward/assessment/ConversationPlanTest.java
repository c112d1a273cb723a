package com.upward.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.contract.PracticeCompleted;
import com.upward.platform.events.contract.Topics;
import com.upward.platform.testing.EventSchemas;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conversation planner: the interview's questions, tips and openings; plans written, edited, listed, held. */
@QuarkusTest
class ConversationPlanTest {

    private static final String PLANS = "/api/v1/me/conversation-plans";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theGuideUsesTheCoursesWordsAndShowsMyPowerProfile() {
        String token = TestTokens.learner("guide-" + UUID.randomUUID(), "acme");
        given().auth().oauth2(token).get(PLANS + "/guide").then().statusCode(200)
                .body("questions", hasSize(5))
                .body("questions[0].text", equalTo("What is my motive for seeking to influence this person?"))
                .body("questions[4].text", equalTo("What is at risk if I don’t have the conversation?"))
                .body("tips.title", equalTo(List.of("Be understanding", "Be a team player", "Be organized", "Work on your relationships")))
                .body("openings.id", equalTo(List.of("SHARE", "HELP")))
                .body("openings[1].text", equalTo("I need your help with something. If this works for you, great. If you’re not able to help, I understand that, as well."))
                .body("powers.powerType", equalTo(List.of("ROLE", "PENALTY", "REPUTATION", "EXPERTISE")))
                .body("powerProfile", nullValue());

        Map<String, Integer> ratings = new HashMap<>();
        for (String type : List.of("role", "penalty", "reputation", "expertise")) {
            for (int i = 1; i <= 3; i++) {
                ratings.put(type + "-" + i, type.equals("expertise") ? 5 : 2);
            }
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("answers", ratings))
                .put("/api/v1/me/power-profile").then().statusCode(200);
        given().auth().oauth2(token).get(PLANS + "/guide").then().statusCode(200)
                .body("powerProfile.EXPERTISE.percent", equalTo(100.0f)).body("strongest", equalTo(List.of("EXPERTISE")));
    }

    @Test
    void aPlanIsWrittenEditedListedAndMarkedHeldOnceWhichPublishesPractice() throws Exception {
        String learner = "planner-" + UUID.randomUUID();
        String token = TestTokens.learner(learner, "acme");
        Response created = given().auth().oauth2(token).contentType(ContentType.JSON).body(plan("Ask for the budget review"))
                .post(PLANS);
        created.then().statusCode(201).body("status", equalTo("PLANNED")).body("opening", equalTo("HELP"))
                .body("openingText", equalTo("I need your help with something. If this works for you, great. If you’re not able to help, I understand that, as well."))
                .body("answers.motive", equalTo("The team loses a day a week to rework."))
                .body("powers", equalTo(List.of("EXPERTISE", "REPUTATION")))
                .body("tips.organised", equalTo("Bring the three numbers on one page."));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(PLANS + "/" + id));

        Map<String, Object> edited = plan("Ask for the budget review in March");
        edited.put("opening", "SHARE");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(edited).put(PLANS + "/" + id).then().statusCode(200)
                .body("title", equalTo("Ask for the budget review in March")).body("opening", equalTo("SHARE"));
        // A draft needs only a title.
        String draft = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("title", "Later"))
                .post(PLANS).then().statusCode(201).body("powers", hasSize(0)).extract().path("id");
        given().auth().oauth2(token).get(PLANS).then().statusCode(200).body("plans", hasSize(2)).body("held", equalTo(0));

        Response held = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reflection", "It was easier than I thought it would be.")).post(PLANS + "/" + id + "/held");
        held.then().statusCode(200).body("status", equalTo("HELD"))
                .body("reflection", equalTo("It was easier than I thought it would be."));
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reflection", "again"))
                .post(PLANS + "/" + id + "/held"), 409);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(edited).put(PLANS + "/" + id), 409);
        assertProblem(given().auth().oauth2(token).delete(PLANS + "/" + id), 409);
        given().auth().oauth2(token).get(PLANS).then().body("held", equalTo(1));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(Topics.ASSESSMENT,
                r -> r.value().contains(id), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size());
        assertEquals(PracticeCompleted.TYPE, KafkaTestClient.header(events.get(0), "ce_type"));
        EventSchemas.assertMatchesSchema(PracticeCompleted.TYPE, events.get(0).value());
        JsonNode data = JSON.readTree(events.get(0).value());
        assertEquals("CONVERSATION", data.get("kind").asText());
        assertEquals(learner, data.get("learnerId").asText());
        assertEquals(List.of("EXPERTISE", "REPUTATION"), List.of(data.get("powerTypesDrawnOn").get(0).asText(),
                data.get("powerTypesDrawnOn").get(1).asText()));

        given().auth().oauth2(token).delete(PLANS + "/" + draft).then().statusCode(204);
        assertProblem(given().auth().oauth2(token).get(PLANS + "/" + draft), 404);
    }

    @Test
    void badPlansAndOtherLearnersPlansAreRefused() {
        String token = TestTokens.learner("planner-bad-" + UUID.randomUUID(), "acme");
        assertProblem(post(token, Map.of("title", " ")), 400);
        assertProblem(post(token, Map.of("title", "x".repeat(121))), 400);
        assertProblem(post(token, Map.of("title", "t", "opening", "SHOUT")), 400);
        assertProblem(post(token, Map.of("title", "t", "powers", List.of("CHARM"))), 400);
        assertProblem(post(token, Map.of("title", "t", "answers", Map.of("motive", "x".repeat(2001)))), 400);
        assertProblem(post(token, Map.of("title", "t", "unknown", "field")), 400);
        assertProblem(post(token, Map.of("title", "t", "powers", List.of("ROLE", "ROLE"))), 422);
        assertProblem(given().auth().oauth2(token).get(PLANS + "/not-a-uuid"), 400);

        String id = post(token, plan("Mine")).then().statusCode(201).extract().path("id");
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reflection", ""))
                .post(PLANS + "/" + id + "/held"), 400);
        String other = TestTokens.learner("planner-other-" + UUID.randomUUID(), "acme");
        assertProblem(given().auth().oauth2(other).get(PLANS + "/" + id), 404);
        assertProblem(given().auth().oauth2(other).delete(PLANS + "/" + id), 404);
        assertProblem(given().auth().oauth2(TestTokens.learner("planner-bad-x", "globex")).get(PLANS + "/" + id), 404);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin", "acme")).get(PLANS), 403);
        assertProblem(given().get(PLANS), 401);
    }

    static Map<String, Object> plan(String title) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("title", title);
        plan.put("answers", Map.of("motive", "The team loses a day a week to rework.", "outcome", "A review in March.",
                "helpsOthers", "Everyone gets the day back.", "helpsThem", "Her numbers improve.", "atRisk", "Another quarter lost."));
        plan.put("powers", List.of("EXPERTISE", "REPUTATION"));
        plan.put("tips", Map.of("understanding", "She is closing the year.", "teamPlayer", "The whole team asked.",
                "organised", "Bring the three numbers on one page.", "relationship", "We get on well."));
        plan.put("opening", "HELP");
        return plan;
    }

    static Response post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(PLANS);
    }
}
