package com.upward.gateway;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;

/**
 * Every error the gateway answers, its own and the ones it relays, is problem+json whose status is the HTTP
 * status, with no stack trace. (Rate limits, body size, timeouts and the breaker are in their own tests.)
 */
@QuarkusTest
class ErrorsTest {

    private final String learner = TestTokens.learner("learner-errors", "acme");

    @Test
    void securityRefusals() {
        assertProblem(given().get("/api/v1/courses/echo"), 401);
        assertProblem(given().auth().oauth2(TestTokens.expired()).get("/api/v1/me/dashboard"), 401);
        assertProblem(given().auth().oauth2(TestTokens.algNone()).get("/api/v1/quizzes/q1"), 401);
        assertProblem(given().auth().oauth2(learner).get("/api/v1/admin/courses"), 403);
        assertProblem(given().auth().oauth2(TestTokens.author("author-errors", "acme")).get("/api/v1/me/progress"), 403);
    }

    @Test
    void refusalsOfTheGatewaysOwnEndpoints() {
        assertProblem(given().auth().oauth2(learner).get("/api/v1/nothing-here"), 404);
        assertProblem(given().get("/nothing-here"), 404);
        assertProblem(given().delete("/api/v1/auth/token"), 405);
        assertProblem(given().contentType(ContentType.TEXT).body("username=x").post("/api/v1/auth/token"), 415);
        assertProblem(given().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/auth/token"), 400);
        assertProblem(given().contentType(ContentType.JSON).body("{\"username\":42,\"password\":[]}").post("/api/v1/auth/token"), 400);
        assertProblem(given().accept(ContentType.XML).get("/.well-known/jwks.json"), 406);
    }

    @Test
    void relayedErrorsKeepTheServicesStatus() {
        Response relayed = given().auth().oauth2(learner).get("/api/v1/courses/missing");
        assertProblem(relayed, 404);
        assertProblem(given().auth().oauth2(learner).get(StandInServiceResource.FAILING), 503);
        assertProblem(given().auth().oauth2(learner).get("/api/v1/quizzes/four-types-of-power"), 503);
    }

    @Test
    void aRefusedCorsPreflightIsAProblemToo() {
        Response response = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE").options("/api/v1/courses");
        assertProblem(response, 403);
    }
}
