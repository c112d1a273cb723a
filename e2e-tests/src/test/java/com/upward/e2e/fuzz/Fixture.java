package com.upward.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.upward.e2e.fuzz.ApiDocument.Operation;
import com.upward.e2e.fuzz.RawHttp.Answer;
import com.upward.e2e.fuzz.RawHttp.Request;
import com.upward.platform.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the fuzz cases start from: identities of their own (learner, admin and LMS client of the organisation
 * {@value #ORG}, an author of the content organisation), a real lesson completed, a quiz attempt open, a draft
 * course {@value #DRAFT_COURSE} with a module, a lesson and a quiz; the valid value of each path and query
 * parameter and each body; and, for every write operation, a witness: the state that operation would change,
 * read straight from the service that owns it, so a refused write can be shown to have written nothing.
 */
public final class Fixture {

    public static final String ORG = "fuzzco";
    /** Another organisation: a token naming the fixture's learner in it must not reach the learner's data. */
    public static final String OTHER_ORG = "fuzz-other";
    /** The content organisation (upward.course.authoring-organisation of the local profile). */
    static final String AUTHORING_ORG = "acme";
    static final String COURSE = "how-to-lead-upward";
    static final String DRAFT_COURSE = "fuzz-course";
    static final String DRAFT_MODULE = "fuzz-module";
    static final String DRAFT_LESSON = "fuzz-lesson";
    static final String DRAFT_QUIZ = "fuzz-quiz";
    /** An https URL that never resolves: the webhook's deliveries fail and are retried, harmlessly. */
    static final String WEBHOOK_URL = "https://fuzz-hooks.invalid/hook";
    /** Well-formed, and no practice set has it: the packaged stack's clock makes no set due during the walk. */
    static final String PRACTICE_SESSION = "00000000-0000-4000-8000-000000000000";
    /** Well-formed, and no certificate has it. */
    static final String CERTIFICATE = "AAAAAAAAAAAAAAAAAAAAAA";

    /** Who calls: one identity per role, each with a valid token. */
    public record Identity(String subject, String org, String role) {
        public Map<String, Object> claims() {
            return TestTokens.claims(subject, org, role);
        }

        public String token() {
            return TestTokens.signed(claims());
        }
    }

    static final Map<String, Identity> BY_ROLE = Map.of(
            "learner", new Identity("fuzz-learner", ORG, "learner"),
            "admin", new Identity("fuzz-admin", ORG, "admin"),
            "author", new Identity("fuzz-author", AUTHORING_ORG, "author"),
            "integration", new Identity("fuzz-lms", ORG, "integration"));

    /** State a write operation would change, read as its owner sees it; the ETag it carried, if any. */
    public record Reading(String state, String etag) {
    }

    /** Reads the state one write operation would change; NONE for a write that keeps no state (signing in). */
    public interface Witness {
        Witness NONE = () -> new Reading("", null);

        Reading read();
    }

    private final String gateway;
    private final Function<String, String> serviceUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private String quizId;
    private String completedLesson;
    private String attemptId;
    private String planId;

    /** An LTI platform registration of the fixture's organisation. */
    private String ltiPlatformId;
    private JsonNode attempt;
    private final List<String> statementIds = new ArrayList<>();
    private String draftBankId;
    private volatile String webhookId;

    public Fixture(String gateway, Function<String, String> serviceUrl) {
        this.gateway = gateway;
        this.serviceUrl = serviceUrl;
    }

    public Identity identity(String role) {
        Identity identity = BY_ROLE.get(role);
        if (identity == null) {
            throw new IllegalArgumentException("No fuzz identity for role " + role);
        }
        return identity;
    }

    public String token(String role) {
        return tokens.computeIfAbsent(role, r -> identity(r).token());
    }

    /**
     * The learner starts the course in {@value #ORG} (a progress call binds them to it), completes the lessons
     * that open the quiz with the fewest, enrols, answers the power profile and opens an attempt; the author
     * drafts {@value #DRAFT_COURSE}. Then it waits until the events of those completions have been applied,
     * so no state the witnesses read is still moving.
     */
    public void setUp() {
        String learner = token("learner");
        ltiPlatformId = json(expect(2, send("progress-service", Request.json("POST", "/api/v1/admin/lti/platforms", token("admin"),
                "{\"issuer\":\"https://fuzz-lms-" + java.util.UUID.randomUUID() + ".example\",\"clientId\":\"fuzz\","
                        + "\"deploymentIds\":[\"d1\"],\"authLoginUrl\":\"https://fuzz-lms.example/auth\","
                        + "\"authTokenUrl\":\"https://fuzz-lms.example/token\",\"jwksUrl\":\"https://fuzz-lms.example/jwks\"}"))))
                .path("id").asText();
        expect(2, send("progress-service", Request.get("/api/v1/me/progress", learner)));
        JsonNode outline = json(expect(2, send("course-service", Request.get("/api/v1/courses/" + COURSE, learner))));
        JsonNode quiz = null;
        for (JsonNode module : outline.path("modules")) {
            for (JsonNode candidate : module.path("quizzes")) {
                if (quiz == null || candidate.path("unlockedBy").size() < quiz.path("unlockedBy").size()) {
                    quiz = candidate;
                }
            }
        }
        if (quiz == null) {
            throw new IllegalStateException("The course has no quiz: " + outline);
        }
        quizId = quiz.path("id").asText();
        for (JsonNode lesson : quiz.path("unlockedBy")) {
            completedLesson = lesson.asText();
            expect(2, send("course-service", Request.json("POST",
                    "/api/v1/courses/" + COURSE + "/lessons/" + completedLesson + "/completion", learner, null)));
        }
        expect(2, send("progress-service", Request.json("POST", "/api/v1/me/enrolments", learner,
                "{\"courseId\":\"" + COURSE + "\"}")));
        JsonNode profile = json(expect(2, send("assessment-service", Request.get("/api/v1/me/power-profile", learner))));
        profile.path("statements").forEach(statement -> statementIds.add(statement.path("id").asText()));
        expect(2, send("assessment-service", Request.json("PUT", "/api/v1/me/power-profile", learner,
                powerProfile(3).toString())));
        // assessment-service learns the completions from course-service's events: the quiz opens once it has.
        attempt = json(await("the quiz " + quizId + " opens", () -> {
            Answer started = send("assessment-service", Request.json("POST", "/api/v1/quizzes/" + quizId + "/attempts", learner, null));
            return started.status() / 100 == 2 ? started : null;
        }));
        attemptId = attempt.path("id").asText();
        int completed = quiz.path("unlockedBy").size();
        await("progress-service applies the " + completed + " completions", () -> {
            JsonNode progress = json(send("progress-service", Request.get("/api/v1/me/progress/" + COURSE, learner)));
            return progress.path("lessonsCompleted").asInt() == completed ? progress : null;
        });
        ensureDraft();
        // A QTI draft bank: the bank exported and imported back by the content organisation's author.
        String author = token("author");
        byte[] qti = expect(2, send("assessment-service", Request.get("/api/v1/admin/question-bank/" + COURSE + "/qti", author))).body();
        draftBankId = json(expect(2, send("assessment-service", new Request("POST", "/api/v1/admin/question-bank/" + COURSE + "/qti",
                Map.of("Authorization", "Bearer " + author, "Content-Type", "application/zip"), qti, false)))).path("draftId").asText();
        ensureWebhook();
        ensurePlan();
    }

    /** The admin's webhook, registered again if an accepted DELETE removed it. */
    private void ensureWebhook() {
        String admin = token("admin");
        JsonNode hooks = json(expect(2, send("progress-service", Request.get("/api/v1/admin/webhooks", admin))));
        for (JsonNode hook : hooks) {
            if (hook.path("id").asText().equals(webhookId)) {
                return;
            }
        }
        // Accepted cases may have registered up to the organisation's limit: make room, they are all the fuzz test's.
        for (JsonNode hook : hooks) {
            expect(2, send("progress-service", new Request("DELETE", "/api/v1/admin/webhooks/" + hook.path("id").asText(),
                    Map.of("Authorization", "Bearer " + admin), null, false)));
        }
        webhookId = json(expect(2, send("progress-service", Request.json("POST", "/api/v1/admin/webhooks", admin,
                "{\"url\":\"" + WEBHOOK_URL + "\",\"events\":[\"course.completed\"]}")))).path("id").asText();
    }

    /**
     * Deletes the drafts of never-published courses that the fixture's author last wrote: {@value #DRAFT_COURSE}, and
     * those that accepted cases created under other valid ids ("null", "0"...). The catalogue's authoring list is then
     * as the other end-to-end tests expect it.
     */
    public void cleanUp() {
        String author = token("author");
        for (JsonNode course : json(send("course-service", Request.get("/api/v1/admin/courses?size=100", author))).path("items")) {
            JsonNode draft = course.path("draft");
            if (!course.path("latestVersion").isNumber() && identity("author").subject().equals(draft.path("updatedBy").asText())) {
                String path = "/api/v1/admin/courses/" + course.path("courseId").asText() + "/draft";
                String etag = send("course-service", Request.get(path, author)).header("etag");
                expect(2, send("course-service", new Request("DELETE", path, Map.of("Authorization", "Bearer " + author,
                        "If-Match", etag), null, false)));
            }
        }
    }

    /** Puts back what an accepted write may have taken away (the draft, its module, lesson and quiz). */
    public void ensure(Operation operation) {
        if (operation.path().startsWith("/api/v1/admin/courses")) {
            ensureDraft();
        }
        if (operation.path().startsWith("/api/v1/admin/webhooks")) {
            ensureWebhook();
        }
        if (operation.path().startsWith("/api/v1/me/conversation-plans")) {
            ensurePlan();
        }
        if (operation.path().startsWith("/api/v1/admin/enrolments/")) {
            ensureAssignment();
        }
    }

    /** The learner's assignment, made again if an accepted DELETE removed it, so a valid change or removal finds one. */
    private void ensureAssignment() {
        expect(2, send("progress-service", Request.json("POST", "/api/v1/admin/enrolments", token("admin"),
                "{\"learnerIds\":[\"" + identity("learner").subject() + "\"],\"courseId\":\"" + COURSE
                        + "\",\"dueDate\":\"2030-01-31\"}")));
    }

    /** A conversation plan still planned (an accepted write may have deleted it or marked it held). */
    private void ensurePlan() {
        String learner = token("learner");
        if (planId != null && send("assessment-service", Request.get("/api/v1/me/conversation-plans/" + planId, learner))
                .text().contains("\"status\":\"PLANNED\"")) {
            return;
        }
        // Accepted fuzz cases create plans up to the cap: take one of those that is still planned, or write one.
        for (JsonNode plan : json(expect(2, send("assessment-service", Request.get("/api/v1/me/conversation-plans", learner))))
                .path("plans")) {
            if ("PLANNED".equals(plan.path("status").asText())) {
                planId = plan.path("id").asText();
                return;
            }
        }
        planId = json(expect(2, send("assessment-service", Request.json("POST", "/api/v1/me/conversation-plans", learner,
                "{\"title\":\"Fuzz plan\",\"powers\":[\"EXPERTISE\"],\"opening\":\"HELP\"}")))).path("id").asText();
    }

    private void ensureDraft() {
        String author = token("author");
        String draft = "/api/v1/admin/courses/" + DRAFT_COURSE + "/draft";
        Answer current = send("course-service", Request.get(draft, author));
        if (current.status() == 404) {
            current = expect(2, send("course-service", Request.json("POST", draft, author,
                    "{\"start\":\"EMPTY\",\"title\":\"Fuzz course\",\"summary\":\"For the fuzz test\",\"attribution\":\"Upward\",\"language\":\"en\"}")));
        }
        JsonNode view = json(expect(2, current));
        String etag = current.header("etag");
        if (!view.path("modules").findValuesAsText("id").contains(DRAFT_MODULE)) {
            etag = expect(2, send("course-service", Request.json("POST", draft + "/modules", author,
                    "{\"id\":\"" + DRAFT_MODULE + "\",\"title\":\"Fuzz module\"}").withHeader("If-Match", etag))).header("etag");
        }
        if (!view.path("modules").findValuesAsText("id").contains(DRAFT_LESSON)) {
            expect(2, send("course-service", Request.json("POST", draft + "/lessons", author,
                    draftLesson(DRAFT_LESSON).toString()).withHeader("If-Match", etag)));
            etag = send("course-service", Request.get(draft, author)).header("etag");
        }
        if (!view.path("quizzes").findValuesAsText("id").contains(DRAFT_QUIZ)) {
            expect(2, send("course-service", Request.json("PUT", draft + "/quizzes/" + DRAFT_QUIZ, author,
                    "{\"title\":\"Fuzz quiz\",\"moduleId\":\"" + DRAFT_MODULE + "\",\"passPercent\":50,\"required\":false,\"unlockedBy\":[\""
                            + DRAFT_LESSON + "\"]}").withHeader("If-Match", etag)));
        }
    }

    /** Every statement of the power profile rated the same. */
    private ObjectNode powerProfile(int rating) {
        ObjectNode body = ApiDocument.JSON.createObjectNode();
        ObjectNode answers = body.putObject("answers");
        statementIds.forEach(id -> answers.put(id, rating));
        return body;
    }

    private static ObjectNode draftLesson(String id) {
        ObjectNode lesson = ApiDocument.JSON.createObjectNode()
                .put("id", id).put("moduleId", DRAFT_MODULE).put("title", "Fuzz lesson").put("estimatedMinutes", 5)
                .put("required", true);
        lesson.putArray("objectives").add("Fuzz objective");
        lesson.putArray("blocks").addObject().put("type", "text").put("text", "Fuzz text");
        return lesson;
    }

    /** The valid value of a path parameter, by its name and the path it is in. */
    public String pathValue(Operation operation, String name) {
        boolean authoring = operation.path().startsWith("/api/v1/admin/courses");
        return switch (name) {
            case "courseId" -> authoring ? DRAFT_COURSE : COURSE;
            case "lessonId" -> authoring ? DRAFT_LESSON : completedLesson;
            case "moduleId" -> DRAFT_MODULE;
            case "quizId" -> authoring ? DRAFT_QUIZ : quizId;
            case "attemptId" -> attemptId;
            case "certificateId" -> CERTIFICATE;
            case "draftId" -> draftBankId;
            case "webhookId" -> webhookId;
            case "sessionId" -> PRACTICE_SESSION;
            case "planId" -> planId;
            case "platformId" -> ltiPlatformId;
            case "learnerId" -> identity("learner").subject();
            default -> throw new IllegalStateException("No valid value for path parameter " + name + " of " + operation);
        };
    }

    /** The valid value of a required query parameter (optional ones are left out of the valid request). */
    public String queryValue(Operation operation, String name) {
        return switch (name) {
            case "courseId" -> COURSE;
            case "q" -> "power";
            case "since" -> "2026-01-01T00:00:00Z";
            // A cmi5 launch as an LMS sends it; the stack registers no LMS, so Upward refuses it (403) and calls nothing.
            case "endpoint" -> "https://lms.fuzzco.example/xapi/";
            case "fetch" -> "https://lms.fuzzco.example/fetch/1";
            case "actor" -> "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.fuzzco.example\",\"name\":\"fuzz-learner\"}}";
            case "registration" -> "6f1f3c1e-1111-4a4a-9b9b-000000000002";
            case "activityId" -> "https://lms.fuzzco.example/activities/1";
            default -> throw new IllegalStateException("No valid value for query parameter " + name + " of " + operation);
        };
    }

    /** A valid body for this operation: from its schema, with real ids where the schema names one. */
    public JsonNode validBody(Operation operation, ApiDocument document) {
        String path = operation.path();
        if (path.equals("/api/v1/auth/token") || path.equals("/api/v1/auth/session")) {
            return ApiDocument.JSON.createObjectNode().put("username", "fuzz@nowhere").put("password", "not-the-password");
        }
        if (path.startsWith("/api/v1/attempts/")) {
            ObjectNode body = ApiDocument.JSON.createObjectNode();
            ObjectNode answer = body.putArray("answers").addObject();
            JsonNode question = attempt.path("questions").path(0);
            answer.put("questionId", question.path("id").asText());
            if (question.path("items").size() > 0) {
                answer.putObject("matches").put(question.path("items").path(0).path("id").asText(),
                        question.path("options").path(0).path("id").asText());
            } else {
                answer.putArray("optionIds").add(question.path("options").path(0).path("id").asText());
            }
            return body;
        }
        if (path.equals("/api/v1/me/power-profile")) {
            return powerProfile(4);
        }
        if (path.equals("/api/v1/admin/courses/{courseId}/draft/lessons")) {
            return draftLesson("fuzz-new-lesson");
        }
        if (path.equals("/api/v1/admin/courses/{courseId}/draft/lessons/{lessonId}")) {
            return draftLesson(DRAFT_LESSON);
        }
        if (path.equals("/api/v1/admin/courses/{courseId}/draft/order")) {
            ObjectNode body = ApiDocument.JSON.createObjectNode();
            body.putArray("modules").addObject().put("id", DRAFT_MODULE).putArray("lessons").add(DRAFT_LESSON);
            return body;
        }
        return example(document, operation.bodySchema(), "");
    }

    private JsonNode example(ApiDocument document, JsonNode rawSchema, String field) {
        JsonNode schema = document.resolve(rawSchema);
        if (schema.has("enum")) {
            return schema.get("enum").get(schema.get("enum").size() - 1);
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "array" -> {
                ArrayNode array = ApiDocument.JSON.createArrayNode();
                array.add(example(document, schema.path("items"), field));
                return array;
            }
            case "integer" -> {
                return ApiDocument.JSON.getNodeFactory().numberNode(schema.has("minimum") ? schema.get("minimum").asInt() : 1);
            }
            case "number" -> {
                return ApiDocument.JSON.getNodeFactory().numberNode(1.5);
            }
            case "boolean" -> {
                return ApiDocument.JSON.getNodeFactory().booleanNode(true);
            }
            case "string" -> {
                return ApiDocument.JSON.getNodeFactory().textNode(stringExample(schema, field));
            }
            default -> {
                ObjectNode object = ApiDocument.JSON.createObjectNode();
                if (schema.has("properties")) {
                    schema.get("properties").fields().forEachRemaining(property ->
                            object.set(property.getKey(), example(document, property.getValue(), property.getKey())));
                } else if (field.equals("blocks")) {
                    object.put("type", "text").put("text", "Fuzz text");
                }
                return object;
            }
        }
    }

    private String stringExample(JsonNode schema, String field) {
        return switch (field) {
            case "courseId" -> COURSE;
            case "moduleId" -> DRAFT_MODULE;
            case "id" -> "fuzz-new-module";
            case "lessons", "unlockedBy" -> DRAFT_LESSON;
            case "learnerIds", "learnerId" -> identity("learner").subject();
            case "language" -> "en";
            case "externalId" -> "fuzz-row-1";
            case "dueDate" -> "2030-01-31";
            case "url" -> WEBHOOK_URL;
            case "events" -> "course.completed";
            case "opening" -> "HELP";
            default -> switch (schema.path("format").asText()) {
                case "date" -> "2030-01-31";
                case "date-time" -> "2030-01-31T00:00:00Z";
                default -> "[a-z0-9-]{1,80}".equals(schema.path("pattern").asText()) ? "fuzz-value" : "Fuzz text";
            };
        };
    }

    /**
     * What a write operation would change, read straight from its owner as the fixture's own identity. Fields
     * that move by themselves (events applied later, scores) are left out of the admin report's reading.
     */
    public Witness witness(Operation operation) {
        String path = operation.path();
        String learner = token("learner");
        // Sign-in changes no state a fuzz case could corrupt; the session endpoints act only on the caller's cookie,
        // which the fuzz never sends.
        if (path.equals("/api/v1/auth/token") || path.equals("/api/v1/auth/session")
                || path.equals("/api/v1/auth/lti-session")) {
            return Witness.NONE;
        }
        if (path.startsWith("/lti/")) {
            // Login, launch and deep linking change nothing readable without a platform-signed id_token.
            return Witness.NONE;
        }
        if (path.startsWith("/api/v1/admin/lti/platforms")) {
            return reading("progress-service", "/api/v1/admin/lti/platforms", token("admin"));
        }
        if (path.startsWith("/api/v1/admin/courses")) {
            String author = token("author");
            return reading("course-service", "/api/v1/admin/courses/" + DRAFT_COURSE + "/draft", author);
        }
        if (path.startsWith("/api/v1/attempts/{attemptId}")) {
            return reading("assessment-service", "/api/v1/attempts/" + attemptId, learner);
        }
        if (path.equals("/api/v1/quizzes/{quizId}/attempts")) {
            return reading("assessment-service", "/api/v1/quizzes/" + quizId, learner);
        }
        if (path.equals("/api/v1/me/power-profile")) {
            return reading("assessment-service", "/api/v1/me/power-profile", learner);
        }
        if (path.equals("/api/v1/courses/{courseId}/lessons/{lessonId}/completion")) {
            return reading("course-service", "/api/v1/courses/" + COURSE, learner);
        }
        if (path.equals("/api/v1/me/enrolments")) {
            return reading("progress-service", "/api/v1/me/enrolments", learner);
        }
        if (path.startsWith("/api/v1/admin/question-bank")) {
            return reading("assessment-service", "/api/v1/admin/question-bank/drafts", token("author"));
        }
        if (path.startsWith("/api/v1/admin/webhooks")) {
            // The registrations only: the delivery log moves by itself while the sender retries.
            return reading("progress-service", "/api/v1/admin/webhooks", token("admin"));
        }
        if (path.startsWith("/api/v1/me/practice/sessions")) {
            return reading("assessment-service", "/api/v1/me/practice", learner);
        }
        if (path.startsWith("/api/v1/me/conversation-plans")) {
            return reading("assessment-service", "/api/v1/me/conversation-plans", learner);
        }
        if (path.startsWith("/api/v1/admin/enrolments") || path.equals("/api/v1/integration/enrolments")) {
            // The valid request enrols the fixture's learner, so an enrolment made shows in the learner's own list.
            return reading("progress-service", "/api/v1/me/enrolments", learner);
        }
        throw new IllegalStateException("No witness for the write " + operation
                + ": add one to Fixture.witness, reading the state it would change");
    }

    private Witness reading(String service, String path, String token) {
        return () -> {
            Answer answer = send(service, Request.get(path, token));
            return new Reading(answer.status() + " " + answer.text(), answer.header("etag"));
        };
    }

    Answer send(String service, Request request) {
        return RawHttp.send("gateway".equals(service) ? gateway : serviceUrl.apply(service), request);
    }

    private static Answer expect(int statusClass, Answer answer) {
        if (answer.status() / 100 != statusClass) {
            throw new IllegalStateException("Fixture set-up got " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    static JsonNode json(Answer answer) {
        try {
            return ApiDocument.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + answer.status() + "): " + answer.text(), e);
        }
    }

    /** Polls, up to 150 tries 200 ms apart, until the step gives an answer. */
    private static <T> T await(String what, java.util.function.Supplier<T> step) {
        for (int tries = 0; tries < 150; tries++) {
            T result = step.get();
            if (result != null) {
                return result;
            }
            try {
                Thread.sleep(Duration.ofMillis(200).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Gave up waiting until " + what);
    }
}
