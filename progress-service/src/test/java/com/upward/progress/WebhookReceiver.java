package com.upward.progress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver written as the README tells an LMS to write one, over real HTTP on 127.0.0.1: it recomputes
 * HMAC-SHA256(secret, timestamp + "." + body) and compares it in constant time (401 if it differs), refuses a
 * timestamp more than 300 s from its clock (400), refuses a signature it has seen before (409: a replay of a captured
 * request), and acknowledges an event id it already processed without processing it again (200: Upward's own retry,
 * signed afresh, when it missed the first answer); a first delivery is processed and answered 204.
 * Its checks are its own code, not Upward's, so the test shows that what Upward sends verifies the documented way.
 */
final class WebhookReceiver implements AutoCloseable {

    static final long WINDOW_SECONDS = 300;

    /** One request as it arrived, and what the receiver answered. */
    record Request(Map<String, String> headers, String body, int status) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private volatile String secret;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final java.util.Set<String> signaturesSeen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();

    /** Port 0 for any free port; the secret is set once the webhook is registered (its answer carries it). */
    WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    WebhookReceiver secret(String secret) {
        this.secret = secret;
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    /** The next n deliveries are answered 500, as by a receiver with a fault of its own. */
    void failNext(int n) {
        failuresToAnswer.set(n);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    int acceptedCount(String eventId) {
        AtomicInteger count = accepted.get(eventId);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        int status = check(headers, body);
        requests.add(new Request(headers, body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private synchronized int check(Map<String, String> headers, String body) {
        String id = headers.get("upward-webhook-id");
        String timestamp = headers.get("upward-webhook-timestamp");
        String signature = headers.get("upward-webhook-signature");
        if (id == null || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return 400;
        }
        if (!MessageDigest.isEqual(expected(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return 401;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > WINDOW_SECONDS) {
            return 400;
        }
        if (!signaturesSeen.add(signature)) {
            return 409;
        }
        if (accepted.containsKey(id)) {
            return 200;
        }
        if (failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return 500;
        }
        accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        return 204;
    }

    /** v1=hex(HMAC-SHA256(secret, timestamp + "." + body)), computed here with the JDK alone. */
    static String expected(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder("v1=");
            for (byte b : mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
