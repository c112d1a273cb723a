package com.upward.gateway;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * With every pooled connection to a service busy, a request that gets none within the connect timeout was
 * never sent: the service is unavailable to it (503, with Retry-After), not slow to answer it (504).
 */
@QuarkusTest
@TestProfile(PoolWaitTest.OneConnection.class)
class PoolWaitTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("upward.gateway.pool.max-connections", "1", "upward.gateway.connect-timeout", "300ms",
                    "upward.gateway.routing.timeout", "10s");
        }
    }


    @Test
    void aRequestThatGetsNoPooledConnectionInTimeIsA503WithRetryAfter() {
        String learner = TestTokens.learner("learner-pool-wait", "acme");
        int slowBefore = StandInServiceResource.hits(StandInServiceResource.SLOW);
        // Holds the only connection for the stand-in's five seconds.
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(
                () -> given().auth().oauth2(learner).get(StandInServiceResource.SLOW));
        await().atMost(Duration.ofSeconds(10)).until(() -> StandInServiceResource.hits(StandInServiceResource.SLOW) > slowBefore);

        Response waited = given().auth().oauth2(learner).get("/api/v1/courses/c1");

        assertProblem(waited, 503);
        assertNotNull(waited.header("Retry-After"), "says when to try again");
        slow.join().then().statusCode(200);
    }

    @Test
    void aReadTheServiceHoldsOpenLeavesThePooledConnectionsToOtherRequests() {
        String learner = TestTokens.learner("learner-held-read", "acme");
        int slowBefore = StandInServiceResource.hits(StandInServiceResource.SLOW);
        // A watcher's read, held by the service (here for the stand-in's five seconds), as a progress page is.
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> given().auth().oauth2(learner)
                .header("If-None-Match", "\"seen\"").header("Prefer", "wait=5").get(StandInServiceResource.SLOW));
        await().atMost(Duration.ofSeconds(10)).until(() -> StandInServiceResource.hits(StandInServiceResource.SLOW) > slowBefore);

        given().auth().oauth2(learner).get("/api/v1/courses/c1").then().statusCode(200);
        held.join().then().statusCode(200);
    }
}
