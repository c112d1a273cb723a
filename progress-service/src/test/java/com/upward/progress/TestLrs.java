package com.upward.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.upward.platform.testing.XapiStatementsLrs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisations' LRSs: the real LRS ({@link XapiStatementsLrs}, Learning Locker's statements service, which
 * validates every statement) behind a small proxy of our own. The proxy is what the real service lacks: a key and
 * secret per organisation (POST /lrs/{org}/statements checks {org}-key / {org}-secret, else 401), faults on demand
 * (503 while a failure rule for one of the batch's learners lasts; POST /broken/statements always 503), and a record
 * of every request with the real LRS's answer (org, version header, status, statements, body). A corruption rule
 * spoils one learner's experienced statements ({@code result.duration} "5 minutes") so the real LRS rejects them with its
 * reason. The test reads and steers it over HTTP (GET /requests, POST /fail?learner=..&times=..,
 * POST /corrupt?learner=..), since the test and this resource may live in different class loaders.
 *
 * acme and umbrella deliver to it; hooli too but with a wrong secret; initech's LRS is the broken one; globex has none.
 *
 * It is also acme's LMS for cmi5 launches: POST /lms-fetch/{key} gives the auth token once (then the cmi5 error),
 * GET /lrs/lms/activities/state answers LMS.LaunchData as the test stored it (POST /lms-launch-data?registration=..),
 * and /lrs/lms/statements takes the session's statements with that token; GET /lms-log shows fetches and state reads.
 */
public class TestLrs implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer server;
    private XapiStatementsLrs lrs;
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> fetches = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> launchData = new ConcurrentHashMap<>();
    private final ArrayNode stateReads = JSON.createArrayNode();
    private final ArrayNode requests = JSON.createArrayNode();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        lrs = XapiStatementsLrs.start(Path.of("target", "upward-test", "xapi-lrs.log"));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/lrs/", this::statements);
        server.createContext("/broken/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 503, "LRS down");
        });
        server.createContext("/requests", exchange -> {
            String body;
            synchronized (requests) {
                body = requests.toString();
            }
            respond(exchange, 200, body);
        });
        server.createContext("/lms-fetch/", this::fetch);
        server.createContext("/lms-launch-data", exchange -> {
            launchData.put(query(exchange.getRequestURI().getRawQuery()).get("registration"),
                    JSON.readTree(exchange.getRequestBody().readAllBytes()));
            respond(exchange, 204, "");
        });
        server.createContext("/lms-log", exchange -> {
            ObjectNode log = JSON.createObjectNode();
            fetches.forEach((key, calls) -> log.with("fetches").put(key, calls));
            synchronized (stateReads) {
                log.set("stateReads", stateReads.deepCopy());
            }
            respond(exchange, 200, log.toString());
        });
        server.createContext("/corrupt", exchange -> {
            corrupted.add(query(exchange.getRequestURI().getRawQuery()).get("learner"));
            respond(exchange, 204, "");
        });
        server.createContext("/fail", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            failures.put(query.get("learner"), Integer.parseInt(query.get("times")));
            respond(exchange, 204, "");
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("upward.xapi.enabled", "true");
        for (String org : new String[] {"acme", "umbrella"}) {
            config.put("upward.xapi.lrs.\"" + org + "\".endpoint", base + "/lrs/" + org + "/");
            config.put("upward.xapi.lrs.\"" + org + "\".username", org + "-key");
            config.put("upward.xapi.lrs.\"" + org + "\".password", org + "-secret");
        }
        config.put("upward.xapi.lrs.\"initech\".endpoint", base + "/broken");
        config.put("upward.xapi.lrs.\"initech\".username", "initech-key");
        config.put("upward.xapi.lrs.\"initech\".password", "initech-secret");
        // hooli's LRS is the good one, but hooli's secret is wrong: 401 on every try.
        config.put("upward.xapi.lrs.\"hooli\".endpoint", base + "/lrs/hooli");
        config.put("upward.xapi.lrs.\"hooli\".username", "hooli-key");
        config.put("upward.xapi.lrs.\"hooli\".password", "not-the-secret");
        config.put("upward.xapi.max-attempts", "3");
        config.put("upward.xapi.backoff", "100ms");
        config.put("upward.xapi.poll-interval", "200ms");
        config.put("upward.xapi.request-timeout", "5s");
        // The LMS that launches Upward as a cmi5 AU for acme: its LRS is the real one, behind /lrs/lms/ (its token is
        // the one its fetch URL gives), with the state API above.
        config.put("upward.cmi5.lms.\"acme\".endpoint", base + "/lrs/lms/");
        config.put("xapi.test-lrs.url", base);
        config.put("xapi.test-lrs.real-endpoint", lrs.endpoint());
        return config;
    }

    private synchronized void statements(HttpExchange exchange) throws IOException {
        try {
            forward(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 500, "interrupted");
        }
    }

    private void forward(HttpExchange exchange) throws IOException, InterruptedException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String org = path.length > 2 ? path[2] : "";
        if (exchange.getRequestURI().getPath().equals("/lrs/lms/activities/state")) {
            launchData(exchange);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod()) || path.length != 4 || !"statements".equals(path[3])) {
            respond(exchange, 404, "");
            return;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((org + "-key:" + org + "-secret").getBytes(StandardCharsets.UTF_8));
        JsonNode statements = JSON.readTree(body);
        int status = 200;
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
        } else {
            for (JsonNode statement : statements) {
                String learner = statement.path("actor").path("account").path("name").asText();
                Integer left = failures.get(learner);
                if (left != null && left > 0) {
                    failures.put(learner, left - 1);
                    status = 503;
                    break;
                }
            }
        }
        String answer = status == 401 ? "bad credentials" : "try again later";
        if (status == 200) {
            for (JsonNode statement : statements) {
                if (corrupted.contains(statement.path("actor").path("account").path("name").asText())
                        && statement.path("verb").path("id").asText().endsWith("/experienced")) {
                    ((ObjectNode) statement.with("result")).put("duration", "5 minutes");
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lrs.endpoint() + "/statements"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(statements.toString()))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("test:test".getBytes(StandardCharsets.UTF_8)));
            // Passed on as they came (or not at all), so the real LRS judges Upward's own headers.
            for (String header : new String[] {"Content-Type", "X-Experience-API-Version"}) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<String> real = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = real.statusCode();
            answer = real.body();
        }
        ObjectNode record = JSON.createObjectNode();
        record.put("org", org).put("status", status)
                .put("version", exchange.getRequestHeaders().getFirst("X-Experience-API-Version"))
                .put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"))
                .put("answer", answer)
                .set("statements", statements);
        synchronized (requests) {
            requests.add(record);
        }
        respond(exchange, status, answer == null ? "" : answer);
    }

    /**
     * The LMS's fetch URL: the first POST gives the auth token (the LMS's key and secret, as cmi5's Basic
     * credential), any later one the cmi5 error for a fetch URL already used.
     */
    private void fetch(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestURI().getPath().substring("/lms-fetch/".length());
        int calls = fetches.merge(key, 1, Integer::sum);
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "");
        } else if (calls == 1) {
            respond(exchange, 200, JSON.createObjectNode().put("auth-token", Base64.getEncoder()
                    .encodeToString("lms-key:lms-secret".getBytes(StandardCharsets.UTF_8))).toString());
        } else {
            respond(exchange, 200, "{\"error-code\":\"1\",\"error-text\":\"already in use\"}");
        }
    }

    /** LMS.LaunchData from the LMS's state API, as the test stored it for the registration; the token is checked. */
    private void launchData(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String expected = "Basic " + Base64.getEncoder().encodeToString("lms-key:lms-secret".getBytes(StandardCharsets.UTF_8));
        JsonNode data = launchData.get(query.get("registration"));
        ObjectNode read = JSON.createObjectNode().put("registration", query.get("registration"))
                .put("stateId", query.get("stateId")).put("activityId", query.get("activityId"))
                .put("agent", query.get("agent")).put("version", exchange.getRequestHeaders().getFirst("X-Experience-API-Version"));
        synchronized (stateReads) {
            stateReads.add(read);
        }
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "bad credentials");
        } else if (data == null || !"LMS.LaunchData".equals(query.get("stateId"))) {
            respond(exchange, 404, "");
        } else {
            respond(exchange, 200, data.toString());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (lrs != null) {
            lrs.close();
        }
    }

    /** One POST the proxy received, with one of its statements, and what the real LRS answered. */
    record Received(String org, int status, String version, String contentType, JsonNode statement, String answer) {
    }

    /** Every statement about the learner that the proxy at proxyUrl received, in arrival order, whatever was answered. */
    static List<Received> received(String proxyUrl, String learner) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(proxyUrl + "/requests")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<Received> found = new ArrayList<>();
        for (JsonNode request : JSON.readTree(response.body())) {
            for (JsonNode statement : request.get("statements")) {
                if (learner.equals(statement.at("/actor/account/name").asText())) {
                    found.add(new Received(request.path("org").asText(), request.path("status").asInt(),
                            request.path("version").asText(), request.path("contentType").asText(), statement,
                            request.path("answer").asText()));
                }
            }
        }
        return found;
    }

    /** The statements the real LRS at realLrs keeps that answer the query (its GET statements API). */
    static List<JsonNode> stored(String realLrs, String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realLrs + "/statements?" + query))
                        .header("X-Experience-API-Version", "1.0.3").header("Authorization", "Basic dGVzdDp0ZXN0").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("The LRS answered " + response.statusCode() + ": " + response.body());
        }
        List<JsonNode> statements = new ArrayList<>();
        JSON.readTree(response.body()).get("statements").forEach(statements::add);
        return statements;
    }

    /** Registers the LRS for the whole module's test run (one Quarkus start, like the database). */
    @QuarkusTestResource(value = TestLrs.class, restrictToAnnotatedClass = false)
    public static final class Registration {
        private Registration() {
        }
    }
}
