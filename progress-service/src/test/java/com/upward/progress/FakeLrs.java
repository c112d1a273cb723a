package com.upward.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP server standing in for the organisations' LRSs: POST /lrs/{org}/statements checks basic auth
 * ({org}-key / {org}-secret), records every request (org, version header, status, statements) and answers 200
 * with the ids, or 503 while a failure rule for one of the batch's learners lasts; POST /broken/statements always
 * answers 503. The test reads and steers it over HTTP (GET /requests, POST /fail?learner=..&times=..), since the
 * test and this resource may live in different class loaders.
 *
 * acme and umbrella deliver to it; hooli too but with a wrong secret; initech's LRS is the broken one; globex has none.
 */
public class FakeLrs implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private final ArrayNode requests = JSON.createArrayNode();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
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
        config.put("xapi.fake-lrs.url", base);
        return config;
    }

    private synchronized void statements(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String org = path.length > 2 ? path[2] : "";
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
        ObjectNode record = JSON.createObjectNode();
        record.put("org", org).put("status", status)
                .put("version", exchange.getRequestHeaders().getFirst("X-Experience-API-Version"))
                .put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"))
                .set("statements", statements);
        synchronized (requests) {
            requests.add(record);
        }
        if (status == 200) {
            ArrayNode ids = JSON.createArrayNode();
            statements.forEach(statement -> ids.add(statement.path("id").asText()));
            respond(exchange, 200, ids.toString());
        } else {
            respond(exchange, status, status == 401 ? "bad credentials" : "try again later");
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
    }

    /** Registers the fake LRS for the whole module's test run (one Quarkus start, like the database). */
    @QuarkusTestResource(value = FakeLrs.class, restrictToAnnotatedClass = false)
    public static final class Registration {
        private Registration() {
        }
    }
}
