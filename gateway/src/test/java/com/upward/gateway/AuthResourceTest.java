package com.upward.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuthResourceTest {

    private static Response signIn(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/token");
    }

    @Test
    void aDemoLearnerGetsAShortLivedRs256TokenWithTheRightClaims() {
        Response response = signIn("{\"username\":\"learner1@acme\",\"password\":\"upward-demo\"}");
        response.then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900));
        String[] parts = response.jsonPath().getString("access_token").split("\\.");
        JsonPath header = new JsonPath(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertEquals("RS256", header.getString("alg"));
        assertEquals("f802a460-fe77-3e24-bedc-03a4184916a7", claims.getString("sub"));
        assertEquals("acme", claims.getString("org"));
        assertEquals(List.of("learner"), claims.getList("groups"));
        assertEquals("https://upward.local", claims.getString("iss"));
        assertEquals("upward-api", claims.getString("aud"));
        long expiresIn = claims.getLong("exp") - Instant.now().getEpochSecond();
        assertTrue(expiresIn > 0 && expiresIn <= 900, "expires within 15 minutes");
    }

    @Test
    void theIssuedTokenIsAcceptedAtTheEdge() {
        String token = signIn("{\"username\":\"learner1@globex\",\"password\":\"upward-demo\"}").jsonPath().getString("access_token");
        given().auth().oauth2(token).get("/api/v1/me/progress/echo").then().statusCode(200).body("path", equalTo("/api/v1/me/progress/echo"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        Response wrongPassword = signIn("{\"username\":\"learner1@acme\",\"password\":\"nope\"}");
        Response unknownUser = signIn("{\"username\":\"nobody@acme\",\"password\":\"upward-demo\"}");
        assertProblem(wrongPassword, 401);
        assertProblem(unknownUser, 401);
        assertEquals(wrongPassword.jsonPath().getString("detail"), unknownUser.jsonPath().getString("detail"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        Response response = signIn("{\"username\": \"learner1@acme\", ");
        assertProblem(response, 400);
        assertEquals("The body is not valid JSON.", response.jsonPath().getString("detail"));
    }

    @Test
    void unknownFieldsAndMissingFieldsAreBadRequests() {
        Response unknown = signIn("{\"username\":\"learner1@acme\",\"password\":\"upward-demo\",\"roles\":[\"admin\"]}");
        assertProblem(unknown, 400);
        assertTrue(unknown.jsonPath().getString("detail").contains("'roles'"));
        Response missing = signIn("{\"username\":\"learner1@acme\"}");
        assertProblem(missing, 400);
        assertEquals("password", missing.jsonPath().getString("errors[0].field"));
        assertProblem(signIn(""), 400);
    }

    @Test
    void jwksPublishesTheVerificationKey() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].kid", equalTo("upward-local-1"));
    }
}
