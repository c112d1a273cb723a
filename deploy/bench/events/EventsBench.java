import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The event path of the running stack, measured from outside (run by events-bench.sh):
 *   visible    submissions through the gateway at a paced rate, each timed from its answer to the moment
 *              GET /api/v1/me/progress/{courseId} shows it; then, from the two databases, outbox occurred_at
 *              to inbox received_at, split at published_at (relay) and the rest (consumer), and inbox
 *              received_at to the page showing it (the learner's refresh, its commit, the notice, the held read)
 *   throughput N scored attempts produced straight to upward.assessment, timed until all are in
 *              progress-service's inbox
 */
public class EventsBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String COURSE = "how-to-lead-upward";
    private static final String QUIZ = "tips-check";
    private static final String UNLOCKING_LESSON = "four-tips-to-engage";
    /** The demo learner whose gateway-issued token is the template of the bench's learners' tokens. */
    private static final String TEMPLATE_LEARNER = "learner1@acme";

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String gateway = "http://127.0.0.1:" + env.getOrDefault("UPWARD_GATEWAY_PORT", "8080");
        String jdbc = "jdbc:postgresql://127.0.0.1:" + env.getOrDefault("UPWARD_PG_PORT", "55432") + "/";
        String kafka = "127.0.0.1:" + env.getOrDefault("UPWARD_KAFKA_PORT", "59092");
        switch (args[0]) {
            case "visible" -> visible(gateway, jdbc, Path.of(args[4]), Integer.parseInt(args[5]),
                    Double.parseDouble(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "throughput" -> throughput(kafka, jdbc, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("visible RATE COUNT WARMUP KEY LEARNERS | throughput EVENTS LEARNERS");
        }
    }

    static void visible(String gateway, String jdbc, Path signingKey, int learners, double rate, int count, int warmup)
            throws Exception {
        List<String> tokens = BenchTokens.learners(gateway, TEMPLATE_LEARNER, signingKey, learners);
        for (String token : tokens) {
            call(gateway, "POST", "/api/v1/courses/" + COURSE + "/lessons/" + UNLOCKING_LESSON + "/completion", token, null);
        }
        // assessment-service learns the completion from an event; the quiz opens once it has.
        for (String token : tokens) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (call(gateway, "POST", "/api/v1/quizzes/" + QUIZ + "/attempts", token, null).statusCode() / 100 != 2) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException(QUIZ + " never opened for a bench learner");
                }
                Thread.sleep(50);
            }
        }
        run(gateway, tokens, rate, warmup, new ConcurrentLinkedQueue<>(), new ConcurrentHashMap<>());
        Instant from = Instant.now();
        ConcurrentLinkedQueue<Long> visibleMicros = new ConcurrentLinkedQueue<>();
        Map<String, Instant> visibleByAttempt = new ConcurrentHashMap<>();
        long began = System.nanoTime();
        run(gateway, tokens, rate, count, visibleMicros, visibleByAttempt);
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("submit -> visible in progress, %d submissions by %d learners at %.1f/s (target %.0f/s)%n",
                count, tokens.size(), count / seconds, rate);
        print("  submit -> visible", new ArrayList<>(visibleMicros));
        Thread.sleep(500);
        databaseTimes(jdbc, from, visibleByAttempt);
    }

    /**
     * Open loop: each learner's submissions follow the paced schedule (a learner answers one at a time), and
     * a watcher per learner waits on its progress page (If-None-Match with Prefer: wait), as the portal can, so
     * a slow consumer shows as latency, not as a lower rate, and watching adds no polling load.
     */
    private static void run(String gateway, List<String> tokens, double rate, int count,
                            ConcurrentLinkedQueue<Long> visibleMicros, Map<String, Instant> visibleByAttempt)
            throws Exception {
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> visibleTimes = new ArrayList<>();
        for (int l = 0; l < tokens.size(); l++) {
            int index = l;
            String token = tokens.get(l);
            int mine = (count - index + tokens.size() - 1) / tokens.size();
            int before = attempts(gateway, token);
            long[] answeredAt = new long[mine];
            String[] attemptIds = new String[mine];
            java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
            Thread submitter = new Thread(() -> {
                try {
                    for (int k = 0; k < mine; k++) {
                        long wait = start + (index + (long) k * tokens.size()) * intervalNanos - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        Submitted submitted = submit(gateway, token);
                        answeredAt[k] = submitted.answeredNanos();
                        attemptIds[k] = submitted.attemptId();
                        answered.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            long[] visibleAt = new long[mine];
            Thread watcher = new Thread(() -> {
                try {
                    int seen = 0;
                    String tag = progressPage(gateway, token, null).headers().firstValue("ETag").orElse(null);
                    long until = Long.MAX_VALUE;
                    while (seen < mine && failures.isEmpty()) {
                        // Held by progress-service until this learner's progress changes (or 5 s pass): no polling.
                        HttpResponse<String> page = progressPage(gateway, token, tag);
                        long now = System.nanoTime();
                        if (page.statusCode() == 200) {
                            tag = page.headers().firstValue("ETag").orElse(null);
                            int visible = Math.min(attemptsIn(page) - before, mine);
                            for (; seen < visible; seen++) {
                                visibleAt[seen] = now;
                            }
                        }
                        until = answered.get() == mine && until == Long.MAX_VALUE ? now + TimeUnit.SECONDS.toNanos(30) : until;
                        if (now > until) {
                            throw new IllegalStateException("bench learner " + index + ": attempts never became visible");
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            visibleTimes.add(() -> {
                for (int k = 0; k < mine; k++) {
                    // A page can show a result a moment before its submitter has read the answer: that is no wait.
                    visibleMicros.add(Math.max(0, visibleAt[k] - answeredAt[k]) / 1000);
                    visibleByAttempt.put(attemptIds[k], wallClock(visibleAt[k]));
                }
            });
            submitter.start();
            watcher.start();
            threads.add(submitter);
            threads.add(watcher);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a learner failed", failures.get(0));
        }
        visibleTimes.forEach(Runnable::run);
    }

    private record Submitted(String attemptId, long answeredNanos) {
    }

    /** The same moment on the wall clock, to compare with the databases' timestamps (one machine, one clock). */
    private static Instant wallClock(long nanoTime) {
        return WALL_AT_START.plusNanos(nanoTime - NANO_AT_START);
    }

    private static final long NANO_AT_START = System.nanoTime();
    private static final Instant WALL_AT_START = Instant.now();

    /** Starts and submits one attempt; returns when the submission was answered. */
    private static Submitted submit(String gateway, String token) throws Exception {
        HttpResponse<String> started = call(gateway, "POST", "/api/v1/quizzes/" + QUIZ + "/attempts", token, null);
        String attemptId = JSON.readTree(started.body()).path("id").asText();
        HttpResponse<String> submitted = call(gateway, "POST", "/api/v1/attempts/" + attemptId + "/submission", token,
                "{\"answers\":[]}");
        long answered = System.nanoTime();
        if (submitted.statusCode() != 200) {
            throw new IllegalStateException("submission answered " + submitted.statusCode() + ": " + submitted.body());
        }
        return new Submitted(attemptId, answered);
    }

    /** The learner's progress page; with a tag, a read that waits for the page to differ from it. */
    private static HttpResponse<String> progressPage(String gateway, String token, String tag) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/me/progress/" + COURSE))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (tag != null) {
            request.header("If-None-Match", tag).header("Prefer", "wait=5");
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int attempts(String gateway, String token) throws Exception {
        return attemptsIn(call(gateway, "GET", "/api/v1/me/progress/" + COURSE, token, null));
    }

    private static int attemptsIn(HttpResponse<String> progress) throws Exception {
        if (progress.statusCode() == 404) {
            return 0;
        }
        for (JsonNode quiz : JSON.readTree(progress.body()).path("quizzes")) {
            if (QUIZ.equals(quiz.path("quizId").asText())) {
                return quiz.path("attempts").asInt();
            }
        }
        return 0;
    }

    /**
     * Where the time went, from the rows themselves: the relay's share, the consumer's, and from the inbox row
     * to the page showing it (the learner's refresh, its commit, the notice, the held read's answer).
     */
    private static void databaseTimes(String jdbc, Instant from, Map<String, Instant> visibleByAttempt) throws Exception {
        Map<String, Instant[]> outbox = new HashMap<>();
        Map<String, String> attemptOfEvent = new HashMap<>();
        try (Connection assessment = DriverManager.getConnection(jdbc + "upward_assessment", "postgres", "postgres");
             PreparedStatement query = assessment.prepareStatement(
                     "SELECT event_id::text, occurred_at, published_at, payload->>'attemptId' FROM outbox_event"
                             + " WHERE occurred_at >= ? AND type = 'upward.quiz.attempt-scored'")) {
            query.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp published = rows.getTimestamp(3);
                    outbox.put(rows.getString(1), new Instant[] {rows.getTimestamp(2).toInstant(),
                            published == null ? null : published.toInstant()});
                    attemptOfEvent.put(rows.getString(1), rows.getString(4));
                }
            }
        }
        List<Long> total = new ArrayList<>();
        List<Long> relay = new ArrayList<>();
        List<Long> consumer = new ArrayList<>();
        List<Long> shown = new ArrayList<>();
        try (Connection progress = DriverManager.getConnection(jdbc + "upward_progress", "postgres", "postgres");
             PreparedStatement query = progress.prepareStatement("SELECT event_id, received_at FROM inbox_event WHERE event_id = ANY (?)")) {
            query.setArray(1, progress.createArrayOf("text", outbox.keySet().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant[] times = outbox.get(rows.getString(1));
                    Instant received = rows.getTimestamp(2).toInstant();
                    total.add(micros(times[0], received));
                    Instant visible = visibleByAttempt.get(attemptOfEvent.get(rows.getString(1)));
                    if (visible != null) {
                        shown.add(Math.max(0, micros(received, visible)));
                    }
                    if (times[1] != null) {
                        relay.add(micros(times[0], times[1]));
                        consumer.add(micros(times[1], received));
                    }
                }
            }
        }
        System.out.printf("outbox occurred_at -> progress inbox received_at, %d of %d events%n", total.size(), outbox.size());
        print("  occurred -> inbox", total);
        print("  occurred -> published (relay)", relay);
        print("  published -> inbox (consumer)", consumer);
        print("inbox -> visible (refresh, read)", shown);
    }

    static void throughput(String kafka, String jdbc, int events, int learners) throws Exception {
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
             Connection progress = DriverManager.getConnection(jdbc + "upward_progress", "postgres", "postgres")) {
            Map<String, Integer> attemptNumbers = new HashMap<>();
            List<Future<?>> sent = new ArrayList<>();
            long began = System.nanoTime();
            for (int i = 0; i < events; i++) {
                String learner = run + "-learner-" + (i % learners);
                int number = attemptNumbers.merge(learner, 1, Integer::sum);
                sent.add(producer.send(attemptScored(run + "-" + i, learner, number)));
            }
            for (Future<?> acknowledgement : sent) {
                acknowledgement.get(60, TimeUnit.SECONDS);
            }
            double producedSeconds = (System.nanoTime() - began) / 1e9;
            long applied = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            try (PreparedStatement query = progress.prepareStatement("SELECT count(*) FROM inbox_event WHERE event_id LIKE ?")) {
                query.setString(1, run + "-%");
                while (applied < events && System.nanoTime() < until) {
                    Thread.sleep(20);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        applied = rows.getLong(1);
                    }
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("throughput: %d of %d scored attempts (%d learners) applied by progress-service in %.2f s"
                            + " = %.0f events/s (produced in %.2f s)%n", applied, events, learners, seconds, applied / seconds,
                    producedSeconds);
        }
    }

    private static ProducerRecord<String, String> attemptScored(String eventId, String learner, int number) {
        String attemptId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String data = "{\"attemptId\":\"" + attemptId + "\",\"learnerId\":\"" + learner + "\",\"orgId\":\"bench\","
                + "\"quizId\":\"" + QUIZ + "\",\"courseId\":\"" + COURSE + "\",\"attemptNumber\":" + number + ","
                + "\"score\":3,\"maxScore\":5,\"percent\":60,\"passed\":true,"
                + "\"byPowerType\":{\"ROLE\":{\"correct\":1,\"total\":2,\"mastered\":false}},"
                + "\"submittedAt\":\"" + now + "\",\"gradingMethod\":\"LAST\",\"gradedAttemptId\":\"" + attemptId + "\","
                + "\"gradedPercent\":60,\"gradedPassed\":true}";
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", eventId);
        header(headers, "ce_type", "upward.quiz.attempt-scored");
        header(headers, "ce_source", "/upward/events-bench");
        header(headers, "ce_time", now.toString());
        header(headers, "ce_subject", learner);
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>("upward.assessment", null, learner, data, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> call(String gateway, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    private static void print(String name, List<Long> micros) {
        if (micros.isEmpty()) {
            System.out.printf("%-34s no samples%n", name);
            return;
        }
        Collections.sort(micros);
        System.out.printf("%-34s p50 %6.1f ms   p90 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (n=%d)%n", name,
                percentile(micros, 50), percentile(micros, 90), percentile(micros, 99), micros.get(micros.size() - 1) / 1000.0,
                micros.size());
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }

    /**
     * Tokens for learners of the bench's own, each new: the gateway issues one for a demo learner, and the bench signs
     * copies of it for other subjects with the stack's local key (.data/keys), as the gateway would for them. Thirty
     * submissions a second then come from many learners with a few attempts each, as in a company, not from four
     * learners with thousands.
     */
    static final class BenchTokens {

        static List<String> learners(String gateway, String templateUser, Path signingKey, int count) throws Exception {
            HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + templateUser + "\",\"password\":\"upward-demo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String[] parts = JSON.readTree(issued.body()).path("access_token").asText().split("\\.");
            if (parts.length != 3) {
                throw new IllegalStateException("the gateway issued no token for " + templateUser + ": " + issued.body());
            }
            java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
            com.fasterxml.jackson.databind.node.ObjectNode claims =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(decoder.decode(parts[1]));
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey(signingKey));
            String run = UUID.randomUUID().toString().substring(0, 8);
            long now = Instant.now().getEpochSecond();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String subject = UUID.nameUUIDFromBytes(("events-bench " + run + " " + i).getBytes(StandardCharsets.UTF_8)).toString();
                claims.put("sub", subject).put("upn", "bench-" + run + "-" + i + "@" + claims.path("org").asText())
                        .put("name", "Bench learner " + i).put("iat", now).put("exp", now + 900)
                        .put("jti", UUID.randomUUID().toString());
                String signed = parts[0] + "." + base64(JSON.writeValueAsBytes(claims));
                signer.update(signed.getBytes(StandardCharsets.US_ASCII));
                tokens.add(signed + "." + base64(signer.sign()));
            }
            return tokens;
        }

        private static java.security.PrivateKey privateKey(Path pem) throws Exception {
            String body = java.nio.file.Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(body)));
        }

        private static String base64(byte[] bytes) {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
