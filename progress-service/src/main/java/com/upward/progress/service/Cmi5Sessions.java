package com.upward.progress.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.upward.platform.events.DeliveryOutbox;
import com.upward.platform.web.JsonText;
import com.upward.platform.web.errors.AccessDeniedException;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.progress.config.Cmi5Config;
import com.upward.progress.messaging.Cmi5Lms;
import com.upward.progress.messaging.XapiSender;
import com.upward.progress.persistence.Cmi5SessionRepository;
import com.upward.progress.persistence.Cmi5SessionRepository.Session;
import com.upward.progress.persistence.XapiOutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Upward as a cmi5 AU. The launch is handled on the server, not in the browser: the fetch URL is used once, here,
 * and every statement goes to the LMS's LRS through xapi_outbox (stored in the transaction of what it reports, sent
 * with retries by XapiSender), so closing the browser tab loses nothing and the LMS's token never reaches the page.
 * Order per session follows cmi5: initialized at launch; completed (lesson) or passed/failed (quiz) when the result
 * is recorded; terminated last, in the same transaction; the sender posts a session's statements in that order.
 */
@ApplicationScoped
public class Cmi5Sessions {

    public static final String INITIALIZED = "http://adlnet.gov/expapi/verbs/initialized";
    public static final String TERMINATED = "http://adlnet.gov/expapi/verbs/terminated";
    public static final String CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    public static final String MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    static final String SESSION_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

    /** What an LMS put on the AU's launch URL, and which AU it launched. */
    public record Launch(String courseId, String auKind, String auItemId, String endpoint, String fetch, String actor,
                         String registration, String activityId) {
    }

    @Inject
    Cmi5Config config;

    @Inject
    Cmi5Lms lms;

    @Inject
    Cmi5SessionRepository sessions;

    @Inject
    XapiOutboxRepository outbox;

    @Inject
    XapiSender sender;

    @Inject
    DeliveryOutbox deliveryOutbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /**
     * Checks the launch, fetches the token (once) and LMS.LaunchData outside any transaction, then stores the session
     * and its initialized statement. Returns where the learner's browser goes next.
     */
    public String launch(Launch launch) {
        URI endpoint = httpUrl("endpoint", launch.endpoint());
        URI fetch = httpUrl("fetch", launch.fetch());
        UUID registration = uuid(launch.registration());
        httpUrl("activityId", launch.activityId());
        JsonNode actor = actor(launch.actor());
        String orgId = organisationOf(launch.endpoint());
        if (!origin(fetch).equals(origin(endpoint))) {
            throw new AccessDeniedException("The fetch URL must be on the LMS's own origin (" + origin(endpoint) + ").");
        }
        String token;
        JsonNode launchData;
        try {
            token = lms.fetchToken(fetch);
            launchData = lms.launchData(launch.endpoint(), token, launch.activityId(), JsonText.write(mapper, actor),
                    registration.toString());
        } catch (Cmi5Lms.LmsException e) {
            throw new ConflictException("The LMS refused the launch", e.getMessage());
        }
        JsonNode template = launchData.path("contextTemplate");
        UUID sessionId = Optional.ofNullable(template.path("extensions").path(SESSION_EXTENSION).textValue())
                .map(Cmi5Sessions::uuidOrNull).orElse(UUID.randomUUID());
        Session session = new Session(sessionId, orgId, actor.at("/account/name").asText(), launch.courseId(),
                launch.auKind(), launch.auItemId(), launch.activityId(), registration, launch.endpoint(), token,
                JsonText.write(mapper, actor), JsonText.write(mapper, template.isObject() ? template : mapper.createObjectNode()),
                launchData.path("launchMode").asText("Normal"),
                launchData.path("masteryScore").isNumber() ? launchData.get("masteryScore").asDouble() : null, clock.instant());
        QuarkusTransaction.requiringNew().run(() -> {
            sessions.add(session);
            store(session, INITIALIZED, "initialized", null, session.launchedAt());
            // A lesson done before this launch sends no new event: the session ends at once, as completed.
            if ("LESSON".equals(session.auKind())
                    && sessions.lessonDone(orgId, session.learnerId(), session.courseId(), session.auItemId())) {
                lessonCompleted(orgId, session.learnerId(), session.courseId(), session.auItemId());
            }
        });
        String portal = config.portalUrl();
        return portal + ("LESSON".equals(launch.auKind())
                ? "#/courses/" + launch.courseId() + "/lessons/" + launch.auItemId()
                : "#/quizzes/" + launch.auItemId());
    }

    /** A lesson recorded as completed: each open session of its AU sends completed, then terminated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lessonCompleted(String orgId, String learnerId, String courseId, String lessonId) {
        for (Session session : sessions.openFor(orgId, learnerId, courseId, "LESSON", lessonId)) {
            Instant now = clock.instant();
            if ("Normal".equals(session.launchMode())) {
                ObjectNode result = mapper.createObjectNode().put("completion", true);
                store(session, XapiStatements.COMPLETED, "completed", result, now);
            }
            terminate(session, now);
        }
    }

    /**
     * A quiz attempt scored: passed when its scaled score reaches LMS.LaunchData's masteryScore (cmi5 makes the LMS's
     * mastery score the one that counts), else by the attempt's own pass mark; then terminated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void quizScored(String orgId, String learnerId, String courseId, String quizId, double percent, boolean passed,
                           double score, double maxScore) {
        for (Session session : sessions.openFor(orgId, learnerId, courseId, "QUIZ", quizId)) {
            Instant now = clock.instant();
            if ("Normal".equals(session.launchMode())) {
                double scaled = Math.max(0, Math.min(1, percent / 100));
                boolean success = session.masteryScore() != null ? scaled >= session.masteryScore() : passed;
                ObjectNode result = mapper.createObjectNode().put("success", success);
                result.putObject("score").put("scaled", scaled).put("raw", score).put("min", 0).put("max", maxScore);
                store(session, success ? XapiStatements.PASSED : XapiStatements.FAILED, success ? "passed" : "failed", result, now);
            }
            terminate(session, now);
        }
    }

    private void terminate(Session session, Instant now) {
        store(session, TERMINATED, "terminated", mapper.createObjectNode(), now);
        sessions.terminate(session.sessionId(), now);
    }

    /**
     * One cmi5 statement of the session: its actor, registration and AU activity, LMS.LaunchData's contextTemplate,
     * the cmi5 category (and moveon for completed, passed and failed), and the session's duration so far.
     */
    private void store(Session session, String verb, String verbName, ObjectNode result, Instant at) {
        ObjectNode statement = mapper.createObjectNode();
        UUID id = UUID.randomUUID();
        statement.put("id", id.toString());
        statement.set("actor", read(session.actor()));
        statement.putObject("verb").put("id", verb).putObject("display").put("en-US", verbName);
        statement.putObject("object").put("objectType", "Activity").put("id", session.activityId());
        if (result != null) {
            result.put("duration", Duration.between(session.launchedAt(), at).abs().toString());
            statement.set("result", result);
        }
        ObjectNode context = (ObjectNode) read(session.contextTemplate());
        context.put("registration", session.registration().toString());
        ObjectNode activities = context.with("contextActivities");
        ArrayNode category = activities.has("category") && activities.get("category").isArray()
                ? (ArrayNode) activities.get("category") : activities.putArray("category");
        category.addObject().put("id", CMI5_CATEGORY);
        if (!verb.equals(INITIALIZED) && !verb.equals(TERMINATED)) {
            category.addObject().put("id", MOVEON_CATEGORY);
        }
        context.with("extensions").put(SESSION_EXTENSION, session.sessionId().toString());
        statement.set("context", context);
        statement.put("timestamp", at.toString());
        outbox.add(id, session.orgId(), verb, JsonText.write(mapper, statement), session.sessionId());
        deliveryOutbox.wakeAfterCommit(sender);
    }

    private String organisationOf(String endpoint) {
        for (Map.Entry<String, Cmi5Config.Lms> lms : config.lms().entrySet()) {
            if (withSlash(endpoint).startsWith(withSlash(lms.getValue().endpoint()))) {
                return lms.getKey();
            }
        }
        throw new AccessDeniedException("This LMS endpoint is not registered with Upward; ask your Upward administrator"
                + " to add it (upward.cmi5.lms).");
    }

    private JsonNode actor(String json) {
        JsonNode actor;
        try {
            actor = json == null ? null : mapper.readTree(json);
        } catch (IOException e) {
            actor = null;
        }
        if (actor == null || !actor.isObject() || !actor.at("/account/name").isTextual()
                || actor.at("/account/name").asText().isBlank() || !actor.at("/account/homePage").isTextual()) {
            throw new InvalidInputException("Invalid actor", "actor must be an xAPI Agent with account {homePage, name}:"
                    + " the account name is the learner's Upward id.");
        }
        return actor;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("A stored cmi5 session holds unreadable JSON", e);
        }
    }

    private static URI httpUrl(String name, String value) {
        try {
            URI uri = value == null ? null : new URI(value);
            if (uri != null && uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw new InvalidInputException("Invalid " + name, name + " must be an absolute http(s) URL.");
    }

    private static UUID uuid(String value) {
        UUID uuid = value == null ? null : uuidOrNull(value);
        if (uuid == null) {
            throw new InvalidInputException("Invalid registration", "registration must be a UUID.");
        }
        return uuid;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String origin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getScheme() + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
