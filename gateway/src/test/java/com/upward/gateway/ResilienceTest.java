package com.upward.gateway;

import com.upward.gateway.routing.ServiceBreakers;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import com.upward.gateway.routing.ServiceRoutes;
import com.upward.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time limits, read retries, the circuit breaker and the request id / trace context, against the stand-in. */
@QuarkusTest
class ResilienceTest {

    private static final String TRACEPARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-01";
    private final String learner = TestTokens.learner("learner-resilience", "acme");

    @Inject
    ServiceBreakers breakers;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void closeBreakers() {
        breakers.reset(ServiceRoutes.COURSE);
        breakers.reset(ServiceRoutes.ASSESSMENT);
    }

    private Response get(String path) {
        return given().auth().oauth2(learner).get(path);
    }


    @Test
    void aServiceSlowerThanTheRouteTimeLimitIsA504Problem() {
        Response response = get(StandInServiceResource.SLOW);
        assertProblem(response, 504);
        assertEquals("Gateway timeout", response.jsonPath().getString("title"));
    }

    @Test
    void aRequestThatCouldNotConnectIsTriedOnceMoreWhateverItsMethod() {
        double before = retries();
        assertProblem(get("/api/v1/quizzes/any-quiz"), 503);
        assertEquals(1.0, retries() - before, "one extra connection attempt for a GET");
        assertProblem(given().auth().oauth2(learner).contentType("application/json").body("{}")
                .post("/api/v1/quizzes/any-quiz/attempts"), 503);
        assertEquals(2.0, retries() - before, "and one for a POST: nothing reached the service");
    }

    private double retries() {
        return metrics.counter("upward.gateway.proxy.retries", "service", ServiceRoutes.ASSESSMENT).count();
    }

    @Test
    void pooledConnectionsTheServiceClosedWhileIdleAreNotUsedForTheNextRequests() {
        String read = "/api/v1/courses/after-idle-close-read";
        String write = "/api/v1/courses/after-idle-close-write";
        // Fill the gateway's pool with keep-alive connections to the stand-in, then let the stand-in close them all.
        for (int i = 0; i < 3; i++) {
            get("/api/v1/courses/warm-" + i).then().statusCode(200);
        }
        String standIn = ConfigProvider.getConfig().getValue("upward.gateway.services.course", String.class);
        int closed = Integer.parseInt(RestAssured.given().baseUri(standIn).get(StandInServiceResource.CLOSE_IDLE).asString());
        assertTrue(closed >= 1, "the stand-in closed the gateway's idle connections: " + closed);

        get(read).then().statusCode(200).body("method", org.hamcrest.Matchers.equalTo("GET"));
        given().auth().oauth2(learner).contentType("application/json").body("{\"n\":1}").post(write)
                .then().statusCode(200).body("body", org.hamcrest.Matchers.equalTo("{\"n\":1}"));
        assertEquals(1, StandInServiceResource.hits(read));
        assertEquals(1, StandInServiceResource.hits(write), "the POST reached the service exactly once");
    }

    @Test
    void aGetWhoseConnectionBrokeAfterSendingIsSentOnceMore() {
        String path = StandInServiceResource.BREAK_ONCE + "read";
        double before = courseRetries();
        get(path).then().statusCode(200).body("path", org.hamcrest.Matchers.equalTo(path));
        assertEquals(2, StandInServiceResource.hits(path), "read once and dropped, then answered");
        assertEquals(1.0, courseRetries() - before);
    }

    @Test
    void aPostWhoseConnectionBrokeAfterSendingIsNotRepeated() {
        String path = StandInServiceResource.BREAK_ONCE + "write";
        double before = courseRetries();
        Response response = given().auth().oauth2(learner).contentType("application/json").body("{}").post(path);
        assertProblem(response, 502);
        assertEquals("Bad gateway", response.jsonPath().getString("title"));
        assertEquals(1, StandInServiceResource.hits(path), "the service saw the POST once, and it was not sent again");
        assertEquals(0.0, courseRetries() - before);
    }

    private double courseRetries() {
        return metrics.counter("upward.gateway.proxy.retries", "service", ServiceRoutes.COURSE).count();
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresAnswers503AtOnceAndClosesAfterASuccessfulProbe() {
        for (int i = 0; i < 3; i++) {
            Response relayed = get(StandInServiceResource.FAILING);
            assertProblem(relayed, 503);
            assertEquals("Stand-in: failing on purpose.", relayed.jsonPath().getString("detail"));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.state(ServiceRoutes.COURSE));

        String healthy = "/api/v1/courses/after-the-breaker-opened";
        Response refused = get(healthy);
        assertProblem(refused, 503);
        assertTrue(refused.jsonPath().getString("detail").contains("not sending it requests"));
        assertTrue(refused.header("Retry-After").matches("[1-9][0-9]*"));
        assertEquals(0, StandInServiceResource.hits(healthy), "an open breaker does not call the service");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(healthy).statusCode() == 200);
        assertEquals(CircuitBreakerState.CLOSED, breakers.state(ServiceRoutes.COURSE));
        assertTrue(StandInServiceResource.hits(healthy) >= 1);
    }

    @Test
    void callersHangingUpMidRequestNeverOpenTheBreaker() throws Exception {
        for (int i = 0; i < 12; i++) {
            hangUpMidRequest(StandInServiceResource.SLOW);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> StandInServiceResource.hits(StandInServiceResource.SLOW) >= 12);
        assertEquals(CircuitBreakerState.CLOSED, breakers.state(ServiceRoutes.COURSE));
        String other = TestTokens.learner("learner-after-hang-ups", "acme");
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", "203.0.113.91").auth().oauth2(other)
                    .get("/api/v1/courses/after-hang-ups").then().statusCode(200);
        }
    }

    /** Sends a request over a raw socket and closes it before the (slow) answer comes. */
    private void hangUpMidRequest(String path) throws Exception {
        int port = io.restassured.RestAssured.port;
        int before = StandInServiceResource.hits(path);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.90\r\nAuthorization: Bearer "
                    + TestTokens.learner("learner-hanging-up", "acme") + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Hang up only once the service has the request: mid-request, not before the gateway forwarded it.
            await().atMost(Duration.ofSeconds(5)).until(() -> StandInServiceResource.hits(path) > before);
        }
    }

    @Test
    void aRequestIdAndATraceparentAreMadeUpWhenAbsentPassedToTheServiceAndEchoed() {
        Response response = get("/api/v1/courses/echo");
        response.then().statusCode(200);
        String requestId = response.jsonPath().getString("requestId");
        assertTrue(requestId.matches("[0-9a-f-]{36}"), requestId);
        assertEquals(requestId, response.header("X-Request-Id"));
        assertTrue(response.jsonPath().getString("traceparent").matches(TRACEPARENT));
    }

    @Test
    void theCallersRequestIdAndTraceAreKeptWithTheGatewayAsTheNewParent() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        Response response = given().auth().oauth2(learner)
                .header("X-Request-Id", "portal-42").header("traceparent", "00-" + trace + "-" + callerSpan + "-01")
                .get("/api/v1/courses/echo");
        assertEquals("portal-42", response.jsonPath().getString("requestId"));
        assertEquals("portal-42", response.header("X-Request-Id"));
        String forwarded = response.jsonPath().getString("traceparent");
        assertTrue(forwarded.matches(TRACEPARENT) && forwarded.startsWith("00-" + trace + "-"), forwarded);
        assertNotEquals(callerSpan, forwarded.split("-")[2], "the gateway's own span is the service's parent");
    }

    @Test
    void malformedIdsFromTheCallerAreReplaced() {
        Response response = given().auth().oauth2(learner)
                .header("X-Request-Id", "bad id with spaces").header("traceparent", "00-zz-01")
                .get("/api/v1/courses/echo");
        assertNotEquals("bad id with spaces", response.jsonPath().getString("requestId"));
        assertTrue(response.jsonPath().getString("traceparent").matches(TRACEPARENT));
    }

    @Test
    void logLinesCarryTheRequestId() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord logged = ExtLogRecord.wrap(record);
                logged.copyMdc();
                records.add(logged);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("com.upward.gateway.routing.ServiceProxy");
        logger.addHandler(capture);
        try {
            given().auth().oauth2(learner).header("X-Request-Id", "log-me-7").get("/api/v1/quizzes/logged");
            await().atMost(Duration.ofSeconds(10)).until(() -> !records.isEmpty());
            ExtLogRecord record = records.get(0);
            assertEquals("log-me-7", record.getMdc("requestId"));
            assertTrue(record.getMdc("traceId").matches("[0-9a-f]{32}"));
        } finally {
            logger.removeHandler(capture);
        }
    }
}
