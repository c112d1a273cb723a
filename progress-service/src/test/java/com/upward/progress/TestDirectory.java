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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's learner directory as progress-service meets it, over real HTTP on 127.0.0.1 for the module's run:
 * {@code GET /api/v1/admin/learners} answers the learners of the organisation in the caller's bearer token (401 without
 * one, 403 unless it is an admin's), in the gateway's shape. Tests register the learners an organisation's directory
 * lists. How the gateway checks the token is the gateway's own test; this reads the claims only.
 */
public class TestDirectory implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, String>> LEARNERS = new ConcurrentHashMap<>();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static volatile boolean down;
    private HttpServer server;

    /** The organisation's directory lists this learner (id and display name). */
    static void register(String orgId, String learnerId, String name) {
        LEARNERS.computeIfAbsent(orgId, org -> new ConcurrentHashMap<>()).put(learnerId, name);
    }

    /** How many times the directory was asked. */
    static int calls() {
        return CALLS.get();
    }

    /** Answers 503 while true, as a gateway that cannot serve. */
    static void down(boolean isDown) {
        down = isDown;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/admin/learners", this::handle);
        server.start();
        return Map.of("upward.progress.directory.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/admin/learners");
    }

    private void handle(HttpExchange exchange) throws IOException {
        CALLS.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (down) {
            answer(exchange, 503, "{}");
            return;
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "{}");
            return;
        }
        JsonNode claims = claims(authorization.substring("Bearer ".length()));
        boolean admin = false;
        for (JsonNode group : claims.path("groups")) {
            admin |= "admin".equals(group.asText());
        }
        if (!admin || !claims.path("org").isTextual()) {
            answer(exchange, 403, "{}");
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        LEARNERS.getOrDefault(claims.get("org").asText(), Map.of()).forEach((id, name) ->
                items.addObject().put("id", id).put("name", name).put("username", id));
        answer(exchange, 200, body.toString());
    }

    private static JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        return parts.length < 2 ? JSON.createObjectNode() : JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Declares the directory for the whole module's run. */
    @QuarkusTestResource(value = TestDirectory.class, restrictToAnnotatedClass = false)
    static final class Declaration {
        private Declaration() {
        }
    }
}
