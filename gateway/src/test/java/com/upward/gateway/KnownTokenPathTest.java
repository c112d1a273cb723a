package com.upward.gateway;

import com.upward.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A proxied request whose token the gateway verified before skips the filter chain and the security layer
 * (routing/KnownTokenPath); these show that it gets the same answers as the full chain gives, and that a
 * request the short path must not answer (cross-origin) still takes the full chain. The per-user rate limit,
 * counted once per request on either path, is LimitsTest's.
 */
@QuarkusTest
class KnownTokenPathTest {

    @Inject
    MeterRegistry registry;

    private double shortPathRequests() {
        return registry.find("upward.gateway.proxy.known-token").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** The first request verifies the token in full; the ones after it are served from what it learned. */
    private static String knownLearnerToken(String subject) {
        String token = TestTokens.learner(subject, "acme");
        given().header("X-Forwarded-For", "10.7.0.1").auth().oauth2(token).get("/api/v1/me/progress/echo").then().statusCode(200);
        return token;
    }

    @Test
    void aKnownTokensRequestTakesTheShortPathWithTheFullChainsHeadersAndIds() {
        String token = knownLearnerToken("short-path-learner");
        double before = shortPathRequests();

        Response response = given().header("X-Forwarded-For", "10.7.0.2").auth().oauth2(token)
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .get("/api/v1/me/progress/echo");

        response.then().statusCode(200);
        assertEquals(before + 1, shortPathRequests(), "served by the short path");
        assertEquals(1, response.headers().getValues("X-Request-Id").size(), "one request id");
        assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("requestId"), "the service saw the same id");
        assertTrue(response.jsonPath().getString("traceparent").startsWith("00-0af7651916cd43dd8448eb211c80319c-"),
                "the caller's trace goes on: " + response.jsonPath().getString("traceparent"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void aKnownTokenStillNeedsTheRoleOfTheRoute() {
        String token = knownLearnerToken("short-path-role");
        double before = shortPathRequests();

        assertProblem(given().header("X-Forwarded-For", "10.7.0.3").auth().oauth2(token).get("/api/v1/admin/reports/summary"), 403);
        assertProblem(given().header("X-Forwarded-For", "10.7.0.3").auth().oauth2(token).get("/api/v1/integration/completions"), 403);
        assertEquals(before + 2, shortPathRequests(), "both refused on the short path");
    }

    @Test
    void theEdgeLimitsHoldOnTheShortPath() {
        String token = knownLearnerToken("short-path-limits");

        assertProblem(given().header("X-Forwarded-For", "10.7.0.4").auth().oauth2(token).header("X-Padding", "x".repeat(20_000))
                .get("/api/v1/me/progress/echo"), 431);
        assertProblem(given().header("X-Forwarded-For", "10.7.0.4").auth().oauth2(token).contentType("application/json")
                .body("{\"a\":\"" + "x".repeat(300 * 1024) + "\"}").post("/api/v1/courses/c1/lessons/l1/completion"), 413);
    }

    @Test
    void aTargetThatIsNotAUriIsAProblemOnTheShortPathToo() throws Exception {
        String token = knownLearnerToken("short-path-uri");
        for (String method : new String[] {"GET", "PUT"}) {
            String answer = raw(method + " /api/v1/courses/c1/lessons/l1?fuzz=%zz HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Forwarded-For: 10.7.0.6\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            assertTrue(answer.startsWith("HTTP/1.1 400"), method + ": " + answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), method + ": " + answer);
        }
    }

    /** Sends bytes no HTTP client library would send, and reads the answer until the server closes. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            byte[] answer = new byte[8192];
            int read = socket.getInputStream().read(answer);
            return new String(answer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCrossOriginCallWithAKnownTokenTakesTheFullChain() {
        String token = knownLearnerToken("short-path-cors");
        double before = shortPathRequests();

        assertProblem(given().header("X-Forwarded-For", "10.7.0.5").header("Origin", "https://evil.example").auth().oauth2(token)
                .get("/api/v1/me/progress/echo"), 403);
        Response allowed = given().header("X-Forwarded-For", "10.7.0.5").header("Origin", "https://portal.example").auth().oauth2(token)
                .get("/api/v1/me/progress/echo");
        allowed.then().statusCode(200);
        assertEquals("https://portal.example", allowed.header("Access-Control-Allow-Origin"));
        assertEquals(before, shortPathRequests(), "neither took the short path");
    }
}
