package com.upward.gateway;

import com.upward.gateway.routing.ServiceRoutes;
import com.upward.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * course-service as two instances, two real HTTP servers on their own ports: the gateway sends requests to each in
 * turn, and once one is gone (its server closed, so connections are refused) every request, writes included, is
 * answered by the other, the failed one is left out instead of being tried again for each request, and a write is
 * received once.
 */
@QuarkusTest
@TestProfile(BalancingTest.TwoCourseInstances.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalancingTest {

    /** Two stand-in course-service instances that answer with their name, and count what each received. */
    static final class Instances {
        static final Vertx VERTX = Vertx.vertx();
        static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
        static final HttpServer A = listen("a");
        static final HttpServer B = listen("b");

        private static HttpServer listen(String name) {
            HttpServer server = VERTX.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                HITS.computeIfAbsent(name + " " + request.method() + " " + request.path(), key -> new AtomicInteger()).incrementAndGet();
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("instance", name).put("body", body.toString()).encode());
            }));
            try {
                return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static int hits(String name, String method, String path) {
            AtomicInteger count = HITS.get(name + " " + method + " " + path);
            return count == null ? 0 : count.get();
        }
    }

    public static class TwoCourseInstances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "upward.gateway.services.course",
                    "http://127.0.0.1:" + Instances.A.actualPort() + ",http://127.0.0.1:" + Instances.B.actualPort(),
                    // Long enough that the closed instance stays out for the whole test: back-in is ServiceInstancesTest's.
                    "upward.gateway.services.unhealthy-for", "10m");
        }
    }

    private final String learner = TestTokens.learner("learner-balancing", "acme");

    @Inject
    MeterRegistry metrics;

    private Response get(String path) {
        return given().auth().oauth2(learner).get(path);
    }

    private Response post(String path, String body) {
        return given().auth().oauth2(learner).contentType("application/json").body(body).post(path);
    }

    @Test
    @Order(1)
    void requestsGoToEachInstanceInTurn() {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Response response = get("/api/v1/courses/turns");
            assertEquals(200, response.statusCode(), response::asString);
            answeredBy.add(response.jsonPath().getString("instance"));
        }
        assertEquals(List.of("a", "b", "a", "b", "a", "b", "a", "b", "a", "b"), answeredBy);
        assertEquals(5, Instances.hits("a", "GET", "/api/v1/courses/turns"));
        assertEquals(5, Instances.hits("b", "GET", "/api/v1/courses/turns"));
    }

    @Test
    @Order(2)
    void theDashboardClientCallsTheFirstInstance() {
        // A list is no URL: the REST client's address comes from upward.first-instance.course (FirstInstanceUrls).
        assertEquals("http://127.0.0.1:" + Instances.A.actualPort(),
                ConfigProvider.getConfig().getValue("quarkus.rest-client.course.url", String.class));
    }

    @Test
    @Order(3)
    void aGoneInstanceIsLeftOutAndItsRequestsGoToTheOther() throws Exception {
        Instances.B.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        double beforeWarmUp = retries();
        // The first requests find b gone (refused, or a pooled connection that b closed): a read is retried on a.
        for (int i = 0; i < 4; i++) {
            Response response = get("/api/v1/courses/after-b-left");
            assertEquals(200, response.statusCode(), response::asString);
            assertEquals("a", response.jsonPath().getString("instance"));
        }
        assertTrue(retries() > beforeWarmUp, "b was tried and failed at least once");

        double before = retries();
        for (int i = 0; i < 5; i++) {
            Response read = get("/api/v1/courses/while-b-is-out");
            assertEquals(200, read.statusCode(), read::asString);
            assertEquals("a", read.jsonPath().getString("instance"));
            Response write = post("/api/v1/courses/while-b-is-out/completion", "{\"n\":" + i + "}");
            assertEquals(200, write.statusCode(), write::asString);
            assertEquals("a", write.jsonPath().getString("instance"));
        }
        assertEquals(0.0, retries() - before, "b is out of service: no request tried it again");
        assertEquals(5, Instances.hits("a", "POST", "/api/v1/courses/while-b-is-out/completion"), "each write received once");
        assertEquals(0, Instances.hits("b", "POST", "/api/v1/courses/while-b-is-out/completion"));
    }

    private double retries() {
        return metrics.counter("upward.gateway.proxy.retries", "service", ServiceRoutes.COURSE).count();
    }
}
