package com.upward.gateway;

import com.upward.gateway.config.LimitsConfig;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits (this class's profile: 20 per user, 30 per address, 10 sign-ins per address, each per 5 s window: small
 * bursts, so each fits in its window however busy the machine is), body and page size caps, CORS and the security
 * headers. Each burst comes from its own forwarded address.
 */
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
class LimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("upward.gateway.limits.per-user-requests", "20", "upward.gateway.limits.per-ip-requests", "30",
                    "upward.gateway.limits.sign-in-requests", "10");
        }
    }


    @Inject
    LimitsConfig limits;

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    /** Sends the burst until the first refusal; asserts it came right after the limit, and the window then passes. */
    private static void burstIsRefusedThenAllowedAgain(int limit, Supplier<Response> request) {
        for (int i = 0; i < limit; i++) {
            int status = request.get().statusCode();
            assertTrue(status != 429, "request " + (i + 1) + " of " + limit + " is within the limit");
        }
        Response refused = request.get();
        assertProblem(refused, 429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After within the window: " + retryAfter);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> request.get().statusCode() != 429);
    }

    @Test
    void aBurstOverThePerUserLimitGets429UntilTheWindowHasPassed() {
        String token = TestTokens.learner("learner-burst", "acme");
        burstIsRefusedThenAllowedAgain(limits.perUserRequests(), () -> from("10.0.0.3").auth().oauth2(token).get("/api/v1/me/progress/echo"));
        from("10.0.0.3").auth().oauth2(token).get("/api/v1/me/progress/echo").then().statusCode(200);
    }

    @Test
    void aBurstOverThePerAddressLimitGets429UntilTheWindowHasPassed() {
        burstIsRefusedThenAllowedAgain(limits.perIpRequests(), () -> from("10.0.0.1").get("/.well-known/jwks.json"));
    }

    @Test
    void signInHasAStricterLimitPerAddress() {
        assertTrue(limits.signInRequests() < limits.perIpRequests(), "sign-in is the stricter limit");
        burstIsRefusedThenAllowedAgain(limits.signInRequests(), () -> from("10.0.0.2").contentType(ContentType.JSON).body("{}").post("/api/v1/auth/token"));
        from("10.0.0.2").contentType(ContentType.JSON).body("{\"username\":\"learner1@acme\",\"password\":\"upward-demo\"}")
                .post("/api/v1/auth/token").then().statusCode(200);
    }

    @Test
    void aBodyOverTheSizeLimitIs413() {
        String big = "{\"username\":\"" + "x".repeat(300 * 1024) + "\",\"password\":\"p\"}";
        assertProblem(given().contentType(ContentType.JSON).body(big).post("/api/v1/auth/token"), 413);
        assertProblem(given().auth().oauth2(TestTokens.learner("learner-big", "acme")).contentType(ContentType.JSON)
                .body(big).post("/api/v1/courses/c1/lessons/l1/completion"), 413);
    }

    @Test
    void pagesLargerThanTheCapAreRefusedAtTheEdge() {
        String token = TestTokens.learner("learner-pages", "acme");
        Response refused = given().auth().oauth2(token).queryParam("size", 1000).get("/api/v1/courses");
        assertProblem(refused, 400);
        assertEquals("size must be between 1 and 100, not 1000.", refused.jsonPath().getString("detail"));
        given().auth().oauth2(token).queryParam("size", 100).get("/api/v1/courses").then().statusCode(200)
                .body("query", equalTo("size=100"));
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        Response allowed = given().header("Origin", "https://portal.example")
                .header("Access-Control-Request-Method", "POST").options("/api/v1/auth/token");
        assertEquals("https://portal.example", allowed.header("Access-Control-Allow-Origin"));
        Response foreign = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").options("/api/v1/auth/token");
        assertNull(foreign.header("Access-Control-Allow-Origin"), "no CORS grant for an unlisted origin");
        Response simple = given().header("Origin", "https://evil.example").get("/.well-known/jwks.json");
        String granted = simple.header("Access-Control-Allow-Origin");
        assertTrue(granted == null || !granted.equals("*") && !granted.equals("https://evil.example"), granted);
    }

    @Test
    void securityHeadersAreOnTheGatewaysOwnAnswersAndOnProxiedOnes() {
        String token = TestTokens.learner("learner-headers", "acme");
        for (Response response : new Response[]{
                given().get("/.well-known/jwks.json"),
                given().auth().oauth2(token).get("/api/v1/courses/echo"),
                given().get("/api/v1/me/progress")}) {
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertEquals("DENY", response.header("X-Frame-Options"));
            String csp = response.header("Content-Security-Policy");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self';"), csp);
            assertFalse(csp.contains("script-src 'self' 'unsafe-inline'"), csp);
            assertEquals("no-referrer", response.header("Referrer-Policy"));
            assertNull(response.header("Strict-Transport-Security"), "no HSTS over plain HTTP");
        }
        assertEquals("no-store", given().auth().oauth2(token).get("/api/v1/courses/echo").header("Cache-Control"));
        String hsts = given().header("X-Forwarded-Proto", "https").get("/.well-known/jwks.json").header("Strict-Transport-Security");
        assertTrue(hsts != null && hsts.startsWith("max-age=31536000"), hsts);
        assertFalse(given().get("/.well-known/jwks.json").headers().hasHeaderWithName("Cache-Control")
                && given().get("/.well-known/jwks.json").header("Cache-Control").contains("public"));
    }
}
