package com.upward.assessment;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class PowerProfileTest {

    private static final String PATH = "/api/v1/me/power-profile";

    @Test
    void aLearnerRatesTheStatementsAndReadsTheProfileBack() {
        String token = TestTokens.learner("profile-" + UUID.randomUUID(), "acme");
        given().auth().oauth2(token).get(PATH).then().statusCode(200)
                .body("statements", hasSize(12)).body("statements.findAll { it.powerType == 'ROLE' }", hasSize(3))
                .body("result", nullValue());

        // ROLE 5,5,5 → mean 5, 100 %; PENALTY 1,1,1 → 0 %; REPUTATION 4,4,1 → mean 3, 50 %; EXPERTISE 2,3,4 → mean 3, 50 %.
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.putAll(Map.of("role-1", 5, "role-2", 5, "role-3", 5, "penalty-1", 1, "penalty-2", 1, "penalty-3", 1));
        answers.putAll(Map.of("reputation-1", 4, "reputation-2", 4, "reputation-3", 1, "expertise-1", 2, "expertise-2", 3, "expertise-3", 4));
        Response saved = put(token, Map.of("answers", answers));
        saved.then().statusCode(200)
                .body("result.ROLE.mean", equalTo(5.0f)).body("result.ROLE.percent", equalTo(100.0f))
                .body("result.PENALTY.percent", equalTo(0.0f))
                .body("result.REPUTATION.mean", equalTo(3.0f)).body("result.REPUTATION.percent", equalTo(50.0f))
                .body("result.EXPERTISE.mean", equalTo(3.0f))
                .body("strongest", equalTo(List.of("ROLE")));
        // Never graded: no right answers, no pass mark.
        assertFalse(saved.asString().contains("\"correct\"") || saved.asString().contains("\"passed\""));

        given().auth().oauth2(token).get(PATH).then().statusCode(200)
                .body("answers.'reputation-3'", equalTo(1)).body("result.ROLE.percent", equalTo(100.0f))
                .body("updatedAt", org.hamcrest.Matchers.notNullValue());
        // Another learner sees only their own (empty) profile.
        given().auth().oauth2(TestTokens.learner("profile-other-" + UUID.randomUUID(), "acme")).get(PATH).then()
                .body("result", nullValue());
    }

    @Test
    void ratingsOutsideOneToFiveOrMissingStatementsAreRefused() {
        String token = TestTokens.learner("profile-bad-" + UUID.randomUUID(), "acme");
        assertProblem(put(token, Map.of("answers", Map.of("role-1", 6))), 400);
        assertProblem(put(token, Map.of("answers", Map.of("role-1", 0))), 400);
        assertProblem(put(token, Map.of("answers", Map.of("role-1", 3))), 422);
        assertProblem(put(token, Map.of("answers", Map.of("no-such-statement", 3))), 422);
        assertProblem(put(token, Map.of()), 400);
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"answers\":{\"role-1\":\"lots\"}}").put(PATH), 400);
        given().auth().oauth2(token).get(PATH).then().body("result", nullValue());
    }

    private static Response put(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(PATH);
    }
}
