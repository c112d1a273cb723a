package com.upward.progress;

import com.upward.platform.testing.LtiTestPlatform;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.LtiTestPlatform.CLAIM;
import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A deep-linking request, the instructor's pick, and a signed response the test platform accepts by the kid. */
@QuarkusTest
class LtiDeepLinkingTest {

    private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    @Test
    void thePickGoesBackAsASignedDeepLinkingResponse() throws Exception {
        try (LtiTestPlatform platform = new LtiTestPlatform()) {
            platform.trustToolJwks(RestAssured.baseURI + ":" + RestAssured.port + "/lti/jwks");
            given().auth().oauth2(TestTokens.admin("admin", "dl-" + UUID.randomUUID())).contentType(ContentType.JSON)
                    .body(platform.registration()).post("/api/v1/admin/lti/platforms").then().statusCode(201);
            String nonce = UUID.randomUUID().toString();
            Map<String, Object> claims = platform.launchClaims("teacher-" + UUID.randomUUID(), nonce, null);
            claims.put(CLAIM + "message_type", "LtiDeepLinkingRequest");
            claims.remove(CLAIM + "resource_link");
            claims.put(CLAIM + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
            claims.put(DL + "deep_linking_settings", Map.of("deep_link_return_url", platform.url("/deep-links?x=1"),
                    "accept_types", List.of("ltiResourceLink"), "data", "opaque-42"));
            Response launch = given().contentType(ContentType.JSON)
                    .body(Map.of("idToken", platform.sign(claims), "expectedNonce", nonce)).post("/internal/lti/launches");
            assertEquals(200, launch.statusCode(), launch::asString);
            assertEquals("LtiDeepLinkingRequest", launch.jsonPath().getString("messageType"));
            assertEquals(List.of("admin"), launch.jsonPath().getList("roles"));
            String context = launch.jsonPath().getString("deepLinking.context");

            Response picked = given().contentType(ContentType.JSON).body(Map.of("context", context, "picks", List.of(
                            Map.of("kind", "QUIZ", "courseId", "how-to-lead-upward", "targetId", "power-quiz"))))
                    .post("/internal/lti/deep-linking-responses");
            assertEquals(200, picked.statusCode(), picked::asString);
            assertEquals(platform.url("/deep-links?x=1"), picked.jsonPath().getString("returnUrl"));
            Map<String, Object> response = platform.acceptDeepLinkingResponse(picked.jsonPath().getString("jwt"));
            assertEquals("LtiDeepLinkingResponse", response.get(CLAIM + "message_type"));
            assertEquals("1.3.0", response.get(CLAIM + "version"));
            assertEquals(LtiTestPlatform.DEPLOYMENT_ID, response.get(CLAIM + "deployment_id"));
            assertEquals("opaque-42", response.get(DL + "data"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) response.get(DL + "content_items");
            assertEquals(1, items.size());
            assertEquals("ltiResourceLink", items.get(0).get("type"));
            assertEquals("http://localhost:8080/lti/courses/how-to-lead-upward/quizzes/power-quiz", items.get(0).get("url"));
            assertEquals(Map.of("course", "how-to-lead-upward", "quiz", "power-quiz"), items.get(0).get("custom"));

            // A context we did not seal, or changed, gets no response.
            String[] parts = context.split("\\.");
            String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
            for (String bad : List.of(tampered, "not-a-token")) {
                assertProblem(given().contentType(ContentType.JSON).body(Map.of("context", bad, "picks", List.of(
                                Map.of("kind", "COURSE", "courseId", "how-to-lead-upward", "targetId", "how-to-lead-upward"))))
                        .post("/internal/lti/deep-linking-responses"), 401);
            }
            assertProblem(given().contentType(ContentType.JSON).body(Map.of("context", context, "picks", List.of()))
                    .post("/internal/lti/deep-linking-responses"), 400);
            // A resource link launch carries no deep-linking context.
            String next = UUID.randomUUID().toString();
            assertNull(given().contentType(ContentType.JSON).body(Map.of("idToken",
                            platform.sign(platform.launchClaims("u-" + UUID.randomUUID(), next, null)), "expectedNonce", next))
                    .post("/internal/lti/launches").jsonPath().getString("deepLinking"));
        }
    }
}
