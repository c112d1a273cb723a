package com.upward.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.e2e.fuzz.ApiDocument;
import com.upward.e2e.fuzz.ApiDocument.Operation;
import com.upward.e2e.fuzz.Fixture;
import com.upward.e2e.fuzz.Fixture.Reading;
import com.upward.e2e.fuzz.Fixture.Witness;
import com.upward.e2e.fuzz.Mutations;
import com.upward.e2e.fuzz.Mutations.Case;
import com.upward.e2e.fuzz.Mutations.Expect;
import com.upward.e2e.fuzz.RawHttp;
import com.upward.e2e.fuzz.RawHttp.Answer;
import com.upward.e2e.fuzz.RawHttp.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every operation of the public OpenAPI document that the packaged gateway serves, and sends each one bad
 * requests (see {@link Mutations}): through the gateway, and straight to the service that owns it. Every answer
 * must be below 500; every 4xx must be problem+json with its status and a title, and no stack trace or class name;
 * a token without a subject, a role or a valid signature is refused; and a refused write, or any write naming the
 * fixture's learner under another organisation, leaves the state it would change exactly as it was (read back from
 * the owning service before and after). Nothing is random; the figures are printed at the end.
 */
@ExtendWith(Platform.class)
class ApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("course-service", "assessment-service", "progress-service");
    /** What an answer must never show: a stack trace, a class or package name. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |\\bat (com|org|io|java|jakarta)\\.|java\\.|javax\\.|jakarta\\.|org\\.hibernate|io\\.quarkus|io\\.vertx|com\\.fasterxml|com\\.upward");

    /** Units that share no state are walked three at a time (a request waits on the next hop as much as on a core). */
    private static final int PARALLEL_UNITS = 3;

    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Integer> requestsByRoute = new ConcurrentHashMap<>();
    private final Set<String> violations = ConcurrentHashMap.newKeySet();
    private final Map<String, Double> secondsByOperation = new ConcurrentHashMap<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger witnessReads = new AtomicInteger();
    private final AtomicInteger refusedWritesChecked = new AtomicInteger();
    private final AtomicInteger notUris = new AtomicInteger();

    @Test
    void everyOperationAnswersBadInputWithAProblemAndARefusedWriteWritesNothing() throws Exception {
        long began = System.nanoTime();
        Path projectRoot = Path.of(System.getProperty("upward.project.root", "..")).toAbsolutePath().normalize();
        int bodyLimit = configuredBodyLimit(projectRoot);
        String gateway = Platform.stack().gatewayUrl();

        Map<String, ApiDocument> own = new LinkedHashMap<>();
        for (String service : SERVICES) {
            own.put(service, document(Platform.stack().serviceUrl(service)));
        }
        ApiDocument document = gatewayDocument(gateway, own);
        List<Operation> operations = document.operations();

        Fixture fixture = new Fixture(gateway, Platform.stack()::serviceUrl);
        fixture.setUp();
        double setUpSeconds = (System.nanoTime() - began) / 1e9;

        Map<String, List<Operation>> units = new LinkedHashMap<>();
        operations.forEach(operation -> units.computeIfAbsent(unit(operation), key -> new ArrayList<>()).add(operation));
        List<String> order = new ArrayList<>(units.keySet());
        order.sort(Comparator.comparing((String unit) -> units.get(unit).size()).reversed().thenComparing(unit -> unit));
        ExecutorService workers = Executors.newFixedThreadPool(PARALLEL_UNITS);
        try {
            List<Future<?>> walks = new ArrayList<>();
            for (String unit : order) {
                walks.add(workers.submit(() -> {
                    for (Operation operation : units.get(unit)) {
                        String owner = owner(operation, own);
                        List<Case> cases = Mutations.of(operation, fixture, document, bodyLimit);
                        for (String route : owner.equals("gateway") ? List.of("gateway") : List.of("gateway", owner)) {
                            long walkBegan = System.nanoTime();
                            walk(operation, route, route.equals("gateway") ? gateway : Platform.stack().serviceUrl(route), cases, fixture);
                            secondsByOperation.put(operation + " via " + route, (System.nanoTime() - walkBegan) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> walk : walks) {
                walk.get();
            }
        } finally {
            workers.shutdownNow();
            fixture.cleanUp();
        }

        long direct = operations.stream().filter(operation -> !owner(operation, own).equals("gateway")).count();
        List<String> found = violations.stream().sorted().toList();
        String summary = summary(operations.size(), direct, setUpSeconds, (System.nanoTime() - began) / 1e9);
        System.out.println(summary);
        found.forEach(System.out::println);
        Files.writeString(projectRoot.resolve("e2e-tests/target/api-fuzz-summary.txt"), summary + String.join("\n", found)
                + "\nMutated writes accepted:\n" + String.join("\n", accepted.stream().sorted().toList()) + "\n");
        assertTrue(found.isEmpty(), () -> found.size() + " violations:\n" + String.join("\n", found.stream().limit(80).toList()));
    }

    /**
     * Operations that change (or read back as a witness) the same state share a unit and run one after another:
     * authoring, a learner's attempts and practice, power profile, lessons, enrolments, conversation plans. Every other operation only reads, or
     * keeps no state, and is a unit of its own.
     */
    private static String unit(Operation operation) {
        String path = operation.path();
        for (String[] unit : new String[][] {{"/api/v1/admin/courses", "authoring"}, {"/api/v1/attempts", "attempts"},
                {"/api/v1/quizzes", "attempts"}, {"/api/v1/me/power-profile", "power profile"}, {"/api/v1/courses", "learning"},
                {"/api/v1/me/enrolments", "enrolments"}, {"/api/v1/admin/enrolments", "enrolments"},
                {"/api/v1/integration/enrolments", "enrolments"}, {"/api/v1/admin/webhooks", "webhooks"},
                {"/api/v1/admin/question-bank", "question bank"},
                // A scored attempt schedules practice, so practice shares the attempts' unit.
                {"/api/v1/me/practice", "attempts"}, {"/api/v1/me/conversation-plans", "conversation plans"}}) {
            if (path.startsWith(unit[0])) {
                return unit[1];
            }
        }
        return operation.toString();
    }

    private static String owner(Operation operation, Map<String, ApiDocument> own) {
        return SERVICES.stream().filter(service -> own.get(service).has(operation.method(), operation.path()))
                .findFirst().orElse("gateway");
    }

    private void walk(Operation operation, String route, String url, List<Case> cases, Fixture fixture) {
        fixture.ensure(operation);
        Witness witness = operation.writes() ? fixture.witness(operation) : null;
        Reading before = witness == null ? null : read(witness);
        for (Case fuzz : cases) {
            Request request = fuzz.request();
            if (request.headers().containsValue(Mutations.ETAG)) {
                request = withEtag(request, before == null || before.etag() == null ? "\"0\"" : before.etag());
            }
            Answer answer = RawHttp.send(url, request);
            requestsByRoute.merge(route.equals("gateway") ? "gateway" : "direct", 1, Integer::sum);
            statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
            String where = operation + " via " + route + " [" + fuzz.label() + "] got " + answer.status();
            check(fuzz, answer, where);
            if (witness != null) {
                Reading after = read(witness);
                boolean refused = answer.status() >= 400;
                if (refused || fuzz.expect() == Expect.CROSS_TENANT) {
                    refusedWritesChecked.incrementAndGet();
                    if (!after.state().equals(before.state())) {
                        violations.add(where + ": the state it would change changed:\n  before " + abbreviate(before.state())
                                + "\n  after  " + abbreviate(after.state()));
                    }
                } else {
                    accepted.add(operation + " via " + route + " [" + fuzz.label() + "] got " + answer.status());
                }
                before = after;
            }
        }
    }

    private void check(Case fuzz, Answer answer, String where) {
        int status = answer.status();
        if (status >= 500) {
            violations.add(where + ": " + abbreviate(answer.text()));
            return;
        }
        if (fuzz.expect() == Expect.REFUSED && status < 400) {
            violations.add(where + ": this token must be refused");
        }
        if (fuzz.expect() == Expect.NOT_A_URI) {
            if (status < 400) {
                violations.add(where + ": a target that is not a URI must be refused, not answered " + status);
            }
            notUris.incrementAndGet();
        }
        if (status < 400) {
            return;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            violations.add(where + ": content type '" + answer.contentType() + "', body " + abbreviate(answer.text()));
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (Exception notJson) {
            violations.add(where + ": the problem is not JSON: " + abbreviate(answer.text()));
            return;
        }
        if (problem.path("status").asInt() != status) {
            violations.add(where + ": the problem's status is " + problem.path("status"));
        }
        if (problem.path("title").asText("").isBlank()) {
            violations.add(where + ": the problem has no title");
        }
        Matcher internals = INTERNALS.matcher(answer.text());
        if (internals.find()) {
            violations.add(where + ": the problem shows internals ('" + internals.group() + "'): " + abbreviate(answer.text()));
        }
    }

    private Reading read(Witness witness) {
        witnessReads.incrementAndGet();
        return witness.read();
    }

    private static Request withEtag(Request request, String etag) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name, value.equals(Mutations.ETAG) ? etag : value));
        return new Request(request.method(), request.target(), headers, request.body(), request.chunked());
    }

    private String summary(int operations, long direct, double setUpSeconds, double seconds) {
        int requests = requestsByRoute.values().stream().mapToInt(Integer::intValue).sum();
        int gatewayRequests = requestsByRoute.getOrDefault("gateway", 0);
        long fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5")).mapToLong(Map.Entry::getValue).sum();
        List<String> byStatus = new ArrayList<>();
        new TreeMap<>(statuses).forEach((status, count) -> byStatus.add(status + " x " + count));
        return String.format(Locale.ROOT, """
                        API fuzz: %d operations walked from the gateway's /q/openapi (%d of them also sent straight to their service)
                          requests: %d (%d through the gateway, %d direct), plus %d witness reads
                          statuses: %s
                          5xx: %d; violations: %d (non-problem 4xx, refused tokens accepted, refused writes that changed state)
                          writes refused (or across organisations) and found unchanged: %d; mutated writes accepted: %d
                          targets that are not URIs, refused with a 400 problem: %d
                          took %.0f s (%.0f s setting up); slowest: %s
                        """, operations, direct, requests, gatewayRequests, requests - gatewayRequests, witnessReads.get(),
                String.join(", ", byStatus), fiveHundreds, violations.size(), refusedWritesChecked.get() - countViolatedWrites(),
                accepted.size(), notUris.get(), seconds, setUpSeconds, slowest());
    }

    private String slowest() {
        return secondsByOperation.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .map(entry -> String.format(Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private long countViolatedWrites() {
        return violations.stream().filter(v -> v.contains("the state it would change changed")).count();
    }

    /** quarkus.http.limits.max-body-size as the services have it (platform-web's shared defaults). */
    private static int configuredBodyLimit(Path projectRoot) throws IOException {
        Properties defaults = new Properties();
        try (var in = Files.newInputStream(projectRoot.resolve("platform-web/src/main/resources/META-INF/microprofile-config.properties"))) {
            defaults.load(in);
        }
        String size = defaults.getProperty("quarkus.http.limits.max-body-size").trim().toUpperCase(Locale.ROOT);
        Matcher matcher = Pattern.compile("(\\d+)([KMG]?)").matcher(size);
        if (!matcher.matches()) {
            throw new IllegalStateException("Unreadable body limit " + size);
        }
        int unit = switch (matcher.group(2)) {
            case "K" -> 1024;
            case "M" -> 1024 * 1024;
            case "G" -> 1024 * 1024 * 1024;
            default -> 1;
        };
        return Integer.parseInt(matcher.group(1)) * unit;
    }

    private static ApiDocument document(String baseUrl) {
        Answer answer = RawHttp.send(baseUrl, Request.get("/q/openapi?format=json", null));
        if (answer.status() != 200) {
            throw new IllegalStateException(baseUrl + "/q/openapi answered " + answer.status());
        }
        return ApiDocument.parse(answer.text());
    }

    /** The gateway reads the services' documents after it starts: wait until it documents all their operations. */
    private static ApiDocument gatewayDocument(String gateway, Map<String, ApiDocument> own) {
        for (int tries = 0; ; tries++) {
            ApiDocument document = document(gateway);
            boolean complete = own.values().stream().allMatch(service -> service.operations().stream()
                    .filter(operation -> operation.path().startsWith("/api/v1/"))
                    .allMatch(operation -> document.has(operation.method(), operation.path())));
            if (complete) {
                return document;
            }
            if (tries == 60) {
                throw new IllegalStateException("The gateway's document still lacks service operations");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n");
        return flat.length() <= 400 ? flat : flat.substring(0, 390) + "…(" + flat.length() + " chars)";
    }
}
