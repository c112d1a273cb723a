package com.upward.progress;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static com.upward.progress.TestEvents.attempt;
import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.requiredLessonsDone;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks: registered by an org's admin, signed, delivered through the outbox with retries, logged. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HOOKS = "/api/v1/admin/webhooks";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Registers a webhook of the org for course.completed; returns its id and secret. */
    private static JsonPath register(String admin, String url) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("course.completed"), "description", "the LMS"))
                .post(HOOKS).then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
    }

    private static List<Map<String, Object>> log(String admin, String webhookId) {
        return given().auth().oauth2(admin).get(HOOKS + "/" + webhookId + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static Map<String, Object> logOf(String admin, String webhookId, String eventId) {
        return log(admin, webhookId).stream().filter(d -> eventId.equals(d.get("eventId"))).findFirst().orElse(null);
    }

    @Test
    void aCompletionReachesTheReceiverSignedAndAReplayOfItIsRefused() throws Exception {
        String org = unique("hooks");
        String admin = TestTokens.admin("admin", org);
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            JsonPath webhook = register(admin, receiver.url());
            receiver.secret(webhook.getString("secret"));
            String webhookId = webhook.getString("id");
            // The secret is shown once: never in a read.
            given().auth().oauth2(admin).get(HOOKS + "/" + webhookId).then().statusCode(200).body("secret", nullValue())
                    .body("url", equalTo(receiver.url())).body("events", equalTo(List.of("course.completed")));

            String courseId = unique("hooked");
            String learner = unique("learner");
            publish(course(courseId, 1));
            requiredLessonsDone(learner, org, courseId);
            publish(attempt(learner, org, courseId, 1, 90, 3));

            await().atMost(WAIT).until(() -> receiver.requests().stream().anyMatch(r -> r.status() == 204));
            WebhookReceiver.Request delivered = receiver.requests().stream().filter(r -> r.status() == 204).findFirst().orElseThrow();
            assertEquals("course.completed", delivered.header("Upward-Webhook-Event"));
            assertTrue(delivered.header("Content-Type").startsWith("application/json"));
            JsonPath body = new JsonPath(delivered.body());
            assertEquals(delivered.header("Upward-Webhook-Id"), body.getString("id"));
            assertEquals("course.completed", body.getString("type"));
            assertEquals(org, body.getString("organisation"));
            assertEquals(learner, body.getString("data.learnerId"));
            assertEquals(courseId, body.getString("data.courseId"));
            assertEquals(90.0, body.getDouble("data.finalPercent"), 1e-9);
            assertEquals("2026-11-02T10:03:00Z", body.getString("data.completedAt"));
            assertEquals("/api/v1/certificates/" + body.getString("data.certificateId"), body.getString("data.certificateUrl"));

            Map<String, Object> entry = logOf(admin, webhookId, body.getString("id"));
            assertEquals("DELIVERED", entry.get("status"));
            assertEquals(1, entry.get("attempts"));
            assertEquals(204, entry.get("lastStatus"));

            // Someone who captured the request sends it again: the receiver has seen the id and refuses it.
            assertEquals(409, resend(receiver, delivered.headers(), delivered.body()));
            // Re-signed with a timestamp outside the window (as if the secret leaked later): refused.
            String old = Long.toString(Instant.now().getEpochSecond() - WebhookReceiver.WINDOW_SECONDS - 1);
            Map<String, String> stale = new java.util.HashMap<>(delivered.headers());
            stale.put("upward-webhook-id", "another-id");
            stale.put("upward-webhook-timestamp", old);
            stale.put("upward-webhook-signature", WebhookReceiver.expected(webhook.getString("secret"), old, delivered.body()));
            assertEquals(400, resend(receiver, stale, delivered.body()));
            // A changed body under the original signature does not verify.
            Map<String, String> tampered = new java.util.HashMap<>(delivered.headers());
            tampered.put("upward-webhook-id", "third-id");
            assertEquals(401, resend(receiver, tampered, delivered.body().replace("90.0", "100.0")));
            assertEquals(1, receiver.acceptedCount(body.getString("id")));
        }
    }

    @Test
    void aDeliveryIsRetriedUntilTheReceiverIsBackAndNeverSentAgainOnceAcknowledged() throws Exception {
        String org = unique("down");
        String admin = TestTokens.admin("admin", org);
        int port;
        try (WebhookReceiver probe = new WebhookReceiver(0)) {
            port = probe.port();
        }
        // Registered while nothing listens at the URL: the receiver is down.
        JsonPath webhook = register(admin, "http://127.0.0.1:" + port + "/hook");
        String webhookId = webhook.getString("id");
        String eventId = given().auth().oauth2(admin).post(HOOKS + "/" + webhookId + "/test")
                .then().statusCode(202).extract().path("eventId");
        await().atMost(WAIT).until(() -> {
            Map<String, Object> entry = logOf(admin, webhookId, eventId);
            return entry != null && (Integer) entry.get("attempts") >= 2;
        });
        Map<String, Object> failing = logOf(admin, webhookId, eventId);
        assertEquals("PENDING", failing.get("status"));
        assertTrue(((String) failing.get("lastError")).contains("ConnectException"), failing.toString());
        assertTrue(Instant.parse((String) failing.get("nextAttemptAt")).isAfter(Instant.parse((String) failing.get("lastAttemptAt"))),
                "the next attempt waits a backoff: " + failing);

        try (WebhookReceiver receiver = new WebhookReceiver(port).secret(webhook.getString("secret"))) {
            // Back up, but with a fault of its own for one more attempt.
            receiver.failNext(1);
            await().atMost(WAIT).until(() -> "DELIVERED".equals(logOf(admin, webhookId, eventId).get("status")));
            assertEquals(1, receiver.acceptedCount(eventId));
            Map<String, Object> delivered = logOf(admin, webhookId, eventId);
            assertEquals(204, delivered.get("lastStatus"));
            assertTrue((Integer) delivered.get("attempts") >= 3, delivered.toString());
            assertTrue(receiver.requests().stream().anyMatch(r -> r.status() == 500), "the receiver's own fault was retried");

            // The sender keeps working (another event is delivered after it), and the acknowledged one is not sent again.
            String next = given().auth().oauth2(admin).post(HOOKS + "/" + webhookId + "/test").then().statusCode(202)
                    .extract().path("eventId");
            await().atMost(WAIT).until(() -> receiver.acceptedCount(next) == 1);
            assertEquals(1, receiver.acceptedCount(eventId));
            List<Integer> answers = receiver.requests().stream().filter(r -> eventId.equals(r.header("Upward-Webhook-Id")))
                    .map(WebhookReceiver.Request::status).toList();
            assertEquals(List.of(500, 204), answers, "one failed attempt, then one acknowledged delivery, then nothing");
        }
    }

    @Test
    void webhooksBelongToTheAdminsOrganisationAndAreChecked() throws Exception {
        String org = unique("own");
        String admin = TestTokens.admin("admin", org);
        String other = TestTokens.admin("admin", unique("other"));
        String id = register(admin, "http://127.0.0.1:9/hook").getString("id");

        given().auth().oauth2(admin).get(HOOKS).then().statusCode(200).body("", hasSize(1)).body("[0].id", equalTo(id));
        given().auth().oauth2(other).get(HOOKS).then().statusCode(200).body("", hasSize(0));
        assertProblem(given().auth().oauth2(other).get(HOOKS + "/" + id), 404);
        assertProblem(given().auth().oauth2(other).get(HOOKS + "/" + id + "/deliveries"), 404);
        assertProblem(given().auth().oauth2(other).post(HOOKS + "/" + id + "/test"), 404);
        assertProblem(given().auth().oauth2(other).delete(HOOKS + "/" + id), 404);
        assertProblem(given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of("course.completed"))).put(HOOKS + "/" + id), 404);

        assertProblem(post(admin, Map.of("url", "ftp://example.com/x", "events", List.of("course.completed"))), 422);
        assertProblem(post(admin, Map.of("url", "http://127.0.0.1:9/x", "events", List.of("course.started"))), 422);
        assertProblem(post(admin, Map.of("url", "http://127.0.0.1:9/x", "events", List.of())), 400);
        assertProblem(post(admin, Map.of("events", List.of("course.completed"))), 400);
        assertProblem(post(admin, Map.of("url", "http://127.0.0.1:9/x", "events", List.of("course.completed"), "secret", "mine")), 400);
        assertProblem(given().auth().oauth2(TestTokens.learner("l", org)).get(HOOKS), 403);
        assertProblem(given().auth().oauth2(TestTokens.token("lms", org, "integration")).get(HOOKS), 403);
        assertProblem(given().auth().oauth2(admin).get(HOOKS + "/not-a-uuid"), 400);

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/moved", "events", List.of("course.completed"), "active", false))
                .put(HOOKS + "/" + id).then().statusCode(200).body("url", equalTo("http://127.0.0.1:9/moved"))
                .body("active", equalTo(false));
        // A test event is queued for an inactive webhook too: the admin asked for it.
        String queued = given().auth().oauth2(admin).post(HOOKS + "/" + id + "/test").then().statusCode(202).extract().path("eventId");
        assertEquals(List.of(queued), log(admin, id).stream().map(d -> d.get("eventId")).toList());
        given().auth().oauth2(admin).delete(HOOKS + "/" + id).then().statusCode(204);
        assertProblem(given().auth().oauth2(admin).get(HOOKS + "/" + id), 404);
    }

    private static Response post(String admin, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post(HOOKS);
    }

    private static int resend(WebhookReceiver receiver, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (name.startsWith("upward-") || name.equals("content-type")) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
