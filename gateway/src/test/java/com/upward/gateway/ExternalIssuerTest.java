package com.upward.gateway;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway trusting only an external issuer, by configuration alone: the local issuer is off, tokens are
 * verified against the issuer's JWKS URL (served by the stand-in) and its issuer name.
 */
@QuarkusTest
@TestProfile(ExternalIssuerTest.ExternalIssuerOnly.class)
class ExternalIssuerTest {

    public static class ExternalIssuerOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("upward.identity.local-issuer", "false");
        }
    }

    @Test
    void theGatewayIssuesNoTokensAndPublishesNoKeys() {
        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"username\":\"learner1@acme\",\"password\":\"upward-demo\"}").post("/api/v1/auth/token"), 404);
        assertProblem(given().get("/.well-known/jwks.json"), 404);
    }

    @Test
    void theExternalIssuersTokensAreVerifiedAgainstItsJwksUrl() {
        given().auth().oauth2(TestTokens.learner("learner-from-idp", "acme")).get("/api/v1/me/progress/echo")
                .then().statusCode(200).body("path", equalTo("/api/v1/me/progress/echo"));
        assertProblem(given().auth().oauth2(TestTokens.signedByForeignKey()).get("/api/v1/me/progress/echo"), 401);
        assertProblem(given().auth().oauth2(TestTokens.wrongIssuer()).get("/api/v1/me/progress/echo"), 401);
    }
}
