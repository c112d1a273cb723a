package com.upward.gateway;

import com.upward.stack.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for the three services, so the gateway is tested over real sockets.
 * It echoes what it received, except on a few paths that act out the cases the gateway must handle:
 * a problem answer (…/missing), a slow service (…/slow), a failing one (…/failing), the dashboard's
 * sources (dash-course, its quizzes, /api/v1/me/progress), and a service that is down for callers whose
 * token subject says so (e.g. "…-assessment-down"), a service that closes its idle keep-alive connections
 * ({@link #CLOSE_IDLE}) or breaks a connection after reading the request ({@link #BREAK_ONCE}). It also
 * serves the issuer's keys as a JWKS at /jwks, standing in for an external OpenID Connect issuer. The proxy's assessment route points at a port nobody
 * listens on; the dashboard's assessment client points here.
 */
public class StandInServiceResource implements QuarkusTestResourceLifecycleManager {

    public static final String HITS = "/_stand-in/hits";
    public static final String CACHEABLE = "/api/v1/courses/cacheable";
    public static final String NOT_MODIFIED = "/api/v1/courses/not-modified";
    public static final String NO_CONTENT = "/api/v1/courses/no-content";
    public static final String SLOW = "/api/v1/courses/slow";
    public static final String FAILING = "/api/v1/courses/failing";
    public static final String DASH_COURSE = "dash-course";
    public static final String OPENAPI = "/_stand-in/openapi/";
    /** Closes every connection except the one asking: what a service does to keep-alive connections idle too long. */
    public static final String CLOSE_IDLE = "/_stand-in/close-idle";
    /** The first request to a path under it is read, then its connection closed without an answer. */
    public static final String BREAK_ONCE = "/api/v1/courses/break-once/";
    /** assessment-service's document is refused this many times first, as by a service still starting. */
    public static final int ASSESSMENT_DOCUMENT_REFUSALS = 2;

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    /** How many requests for this path the stand-in (the course route's service) has had. */
    public static int hits(String path) {
        String standIn = ConfigProvider.getConfig().getValue("upward.gateway.services.course", String.class);
        return Integer.parseInt(RestAssured.given().baseUri(standIn).queryParam("path", path).get(HITS).asString());
    }
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String jwks = jwks();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            if (path.equals(HITS)) {
                AtomicInteger count = hits.get(request.getParam("path"));
                request.response().end(String.valueOf(count == null ? 0 : count.get()));
                return;
            }
            int hit = hits.computeIfAbsent(path, ignored -> new AtomicInteger()).incrementAndGet();
            if (path.equals(CLOSE_IDLE)) {
                int closed = 0;
                for (HttpConnection connection : connections) {
                    if (connection != request.connection()) {
                        connection.close();
                        closed++;
                    }
                }
                request.response().end(String.valueOf(closed));
            } else if (path.startsWith(BREAK_ONCE) && hit == 1) {
                request.connection().close();
            } else if (path.equals("/jwks")) {
                json(request, 200, jwks);
            } else if (path.startsWith(OPENAPI)) {
                String service = path.substring(OPENAPI.length());
                if (service.equals("assessment-service") && hits.get(path).get() <= ASSESSMENT_DOCUMENT_REFUSALS) {
                    problem(request, 503, "Service unavailable", "Stand-in: still starting.");
                } else {
                    json(request, 200, serviceDocument(service));
                }
            } else if (path.equals("/internal/lti/logins")) {
                JsonObject login = body.length() == 0 ? new JsonObject() : body.toJsonObject();
                if ("https://lms.example".equals(login.getString("issuer"))) {
                    json(request, 200, new JsonObject().put("authLoginUrl", "https://lms.example/auth?tenant=1")
                            .put("clientId", "client-1").encode());
                } else {
                    problem(request, 404, "Not found", "No LTI platform with issuer '" + login.getString("issuer") + "' is registered.");
                }
            } else if (path.equals("/internal/lti/launches")) {
                // Stands in for progress-service's checks: "good-token" (or any JWT-shaped token) passes, anything else
                // fails the signature.
                JsonObject launch = body.toJsonObject();
                if ("dl-token".equals(launch.getString("idToken"))) {
                    json(request, 200, new JsonObject().put("learnerId", "lti-teacher-1").put("orgId", "acme")
                            .put("roles", new JsonArray().add("admin")).put("messageType", "LtiDeepLinkingRequest")
                            .put("target", new JsonObject().put("kind", "COURSE").put("courseId", "how-to-lead-upward")
                                    .put("targetId", "how-to-lead-upward"))
                            .put("deepLinking", new JsonObject().put("returnUrl", "https://lms.example/dl")
                                    .put("context", "sealed-context")).encode());
                } else if ("good-token".equals(launch.getString("idToken")) || launch.getString("idToken").startsWith("eyJ")) {
                    json(request, 200, new JsonObject().put("learnerId", "lti-learner-1").put("orgId", "acme")
                            .put("name", "nonce " + launch.getString("expectedNonce"))
                            .put("roles", new JsonArray().add("learner")).put("messageType", "LtiResourceLinkRequest")
                            .put("target", new JsonObject().put("kind", "LESSON").put("courseId", "how-to-lead-upward")
                                    .put("targetId", "four-tips")).encode());
                } else {
                    problem(request, 401, "LTI launch refused", "signature: the id_token's signature does not match.");
                }
            } else if (path.equals("/internal/lti/deep-linking-responses")) {
                JsonObject pick = body.toJsonObject();
                JsonObject first = pick.getJsonArray("picks").getJsonObject(0);
                if ("sealed-context".equals(pick.getString("context"))) {
                    json(request, 200, new JsonObject().put("returnUrl", "https://lms.example/dl")
                            .put("jwt", "signed." + first.getString("kind") + "." + first.getString("targetId")).encode());
                } else {
                    problem(request, 401, "Deep linking refused", "The deep-linking request is not ours or has expired.");
                }
            } else if (path.equals("/lti/jwks")) {
                json(request, 200, "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"upward-lti-1\",\"e\":\"AQAB\",\"n\":\"xyz\"}]}");
            } else if (path.equals(CACHEABLE)) {
                request.response().putHeader("Cache-Control", "no-cache, private").putHeader("ETag", "\"v1\"")
                        .putHeader("Vary", "Authorization").putHeader("X-Request-Id", request.getHeader("X-Request-Id"));
                json(request, 200, "{\"cacheable\":true}");
            } else if (path.equals(NOT_MODIFIED)) {
                request.response().setStatusCode(304).putHeader("Cache-Control", "no-cache, private")
                        .putHeader("ETag", "\"v1\"").end();
            } else if (path.equals(NO_CONTENT)) {
                request.response().setStatusCode(204).putHeader("Cache-Control", "no-cache, private").end();
            } else if (path.endsWith("/missing")) {
                problem(request, 404, "Not found", "Stand-in: nothing here.");
            } else if (path.equals(FAILING)) {
                problem(request, 503, "Service unavailable", "Stand-in: failing on purpose.");
            } else if (path.equals(SLOW)) {
                vertx.setTimer(5_000, id -> json(request, 200, "{\"slow\":true}"));
            } else if (subject(request).endsWith("-" + serviceOf(path) + "-down")) {
                problem(request, 503, "Service unavailable", "Stand-in: " + serviceOf(path) + " is down.");
            } else if (path.equals("/api/v1/courses/" + DASH_COURSE)) {
                json(request, 200, outline().put("seenRequestId", request.getHeader("X-Request-Id"))
                        .put("seenTraceparent", request.getHeader("traceparent")).encode());
            } else if (path.equals("/api/v1/me/progress")) {
                json(request, 200, progress().encode());
            } else if (path.startsWith("/api/v1/quizzes/dash-quiz-")) {
                String quizId = path.substring("/api/v1/quizzes/".length());
                json(request, 200, new JsonObject().put("id", quizId).put("title", "Quiz " + quizId)
                        .put("courseId", DASH_COURSE).put("courseVersion", 1).put("passPercent", 70)
                        .put("required", true).put("unlockedBy", new JsonArray().add("lesson-1")).encode());
            } else {
                json(request, 200, new JsonObject()
                        .put("method", request.method().name())
                        .put("path", path)
                        .put("query", request.query())
                        .put("authorization", request.getHeader("Authorization"))
                        .put("cookie", request.getHeader("Cookie"))
                        .put("traceparent", request.getHeader("traceparent"))
                        .put("requestId", request.getHeader("X-Request-Id"))
                        .put("body", body.toString()).encode());
            }
        }));
        server.connectionHandler(connection -> {
            connections.add(connection);
            connection.closeHandler(ignored -> connections.remove(connection));
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String standIn = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "upward.gateway.services.course", standIn,
                "upward.gateway.services.progress", standIn,
                "upward.gateway.services.assessment", "http://127.0.0.1:" + FreePorts.next(),
                "quarkus.rest-client.assessment.url", standIn,
                // The services' real generated documents, served by the stand-in.
                "upward.gateway.openapi.course", standIn + OPENAPI + "course-service",
                "upward.gateway.openapi.assessment", standIn + OPENAPI + "assessment-service",
                "upward.gateway.openapi.progress", standIn + OPENAPI + "progress-service",
                // Tokens are verified against a JWKS fetched over HTTP, as with an external issuer.
                "mp.jwt.verify.publickey.location", standIn + "/jwks");
    }

    private static String serviceOf(String path) {
        if (path.startsWith("/api/v1/courses")) {
            return "course";
        }
        return path.startsWith("/api/v1/quizzes") ? "assessment" : "progress";
    }

    /** The token's subject, read without checking: the gateway has checked it already. */
    private static String subject(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "";
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return "";
        }
        try {
            return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).getString("sub", "");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static JsonObject outline() {
        JsonArray lessons = new JsonArray()
                .add(new JsonObject().put("id", "lesson-1").put("title", "Lesson one").put("position", 1).put("completed", true))
                .add(new JsonObject().put("id", "lesson-2").put("title", "Lesson two").put("position", 2).put("completed", false));
        JsonArray quizzes = new JsonArray()
                .add(new JsonObject().put("id", "dash-quiz-1").put("title", "Quiz one").put("unlocked", true))
                .add(new JsonObject().put("id", "dash-quiz-2").put("title", "Quiz two").put("unlocked", false));
        return new JsonObject().put("id", DASH_COURSE).put("title", "Dashboard course").put("version", 1)
                .put("modules", new JsonArray().add(new JsonObject().put("id", "module-1").put("title", "Module one")
                        .put("lessons", lessons).put("quizzes", quizzes)));
    }

    private static JsonArray progress() {
        return new JsonArray()
                .add(new JsonObject().put("courseId", "another-course").put("lessonsCompleted", 0))
                .add(new JsonObject().put("courseId", DASH_COURSE).put("status", "IN_PROGRESS").put("lessonsCompleted", 1)
                        .put("lessonsTotal", 2).put("percent", 50).put("nextLessonId", "lesson-2"));
    }

    private static void json(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    private static void problem(HttpServerRequest request, int status, String title, String detail) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }

    /** A service's OpenAPI document as its own build generated it (copied from its target/openapi by the pom). */
    public static String serviceDocument(String service) {
        String resource = "openapi/" + service + "/openapi.json";
        try (InputStream in = StandInServiceResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: build " + service + " first (mvn -pl gateway -am)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test issuer's public key as a JWKS document. */
    private static String jwks() {
        try (InputStream in = StandInServiceResource.class.getClassLoader()
                .getResourceAsStream("META-INF/upward-test-keys/jwt-public.pem")) {
            RSAPublicKey key = (RSAPublicKey) KeyUtils.decodePublicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            return new JsonObject().put("keys", new JsonArray().add(new JsonObject()
                    .put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", "upward-local-1")
                    .put("n", base64Url(key.getModulus())).put("e", base64Url(key.getPublicExponent())))).encode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
