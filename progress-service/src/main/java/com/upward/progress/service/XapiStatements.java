package com.upward.progress.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.upward.platform.events.DeliveryOutbox;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.web.JsonText;
import com.upward.progress.config.XapiConfig;
import com.upward.progress.messaging.XapiSender;
import com.upward.progress.persistence.LearnerProfileRepository;
import com.upward.progress.persistence.XapiOutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds xAPI 1.0.3 statements for what the projector records and stores them in xapi_outbox in the caller's
 * transaction, so a statement exists exactly when its effect does; XapiSender delivers them. The statement id
 * is a name-based UUID of the source event id, so a redelivered or replayed event yields the same id and the
 * unique key stores it once (and an LRS that already has it answers 204/409 for a re-send).
 */
@ApplicationScoped
public class XapiStatements {

    public static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    public static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    public static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";
    public static final String INITIALIZED = "http://adlnet.gov/expapi/verbs/initialized";
    public static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
    public static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    static final String COURSE = "http://adlnet.gov/expapi/activities/course";
    static final String INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
    static final String LESSON = "http://adlnet.gov/expapi/activities/lesson";
    static final String ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment";

    @Inject
    XapiOutboxRepository outbox;

    @Inject
    LearnerProfileRepository profiles;

    @Inject
    ObjectMapper mapper;

    @Inject
    XapiConfig config;

    @Inject
    XapiSender sender;

    @Inject
    DeliveryOutbox deliveryOutbox;

    /** The statement id for a source event: the same event id always gives the same statement id. */
    public static UUID statementId(String sourceEventId) {
        return UUID.nameUUIDFromBytes(("upward-xapi:" + sourceEventId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The registration of a learner in a course: one stable id per organisation, learner and course, so an LRS
     * groups every statement of that enrolment (xAPI context.registration).
     */
    public static UUID registration(String orgId, String learnerId, String courseId) {
        return UUID.nameUUIDFromBytes(("upward-registration:" + orgId + "/" + learnerId + "/" + courseId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The course completed: score, and the time from the learner's first activity in the course. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void courseCompleted(UUID eventId, String learnerId, String orgId, String courseId, String courseTitle,
                                Instant startedAt, Instant completedAt, double finalPercent) {
        if (!config.delivers(orgId)) {
            return;
        }
        ObjectNode statement = statement(eventId.toString(), learnerId, COMPLETED, "completed", completedAt);
        activity(statement.putObject("object"), courseUrl(courseId), COURSE, courseTitle);
        ObjectNode result = statement.putObject("result");
        result.put("completion", true).put("success", true);
        result.putObject("score").put("scaled", scaled(finalPercent));
        duration(result, startedAt, completedAt);
        context(statement, orgId, learnerId, courseId, null);
        store(statement, orgId, COMPLETED);
    }

    /**
     * The learner's first activity in a course (a lesson or an attempt) initializes their registration. Its id is
     * derived from the registration, so only the first such event stores it, whatever the order they arrive in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void courseInitialized(String orgId, String learnerId, String courseId, Instant at) {
        if (!config.delivers(orgId)) {
            return;
        }
        UUID registration = registration(orgId, learnerId, courseId);
        ObjectNode statement = statement("initialized:" + registration, learnerId, INITIALIZED, "initialized", at);
        activity(statement.putObject("object"), courseUrl(courseId), COURSE, null);
        context(statement, orgId, learnerId, courseId, null);
        store(statement, orgId, INITIALIZED);
    }

    /** A lesson done the first time: experienced (read) and completed, both in the course's registration. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lessonCompleted(String eventId, LessonCompleted lesson) {
        if (!config.delivers(lesson.orgId())) {
            return;
        }
        courseInitialized(lesson.orgId(), lesson.learnerId(), lesson.courseId(), lesson.completedAt());
        String lessonUrl = courseUrl(lesson.courseId()) + "/lessons/" + lesson.lessonId();
        ObjectNode experienced = statement(eventId + ":experienced", lesson.learnerId(), EXPERIENCED, "experienced",
                lesson.completedAt());
        activity(experienced.putObject("object"), lessonUrl, LESSON, null);
        context(experienced, lesson.orgId(), lesson.learnerId(), lesson.courseId(), null);
        store(experienced, lesson.orgId(), EXPERIENCED);

        ObjectNode statement = statement(eventId, lesson.learnerId(), COMPLETED, "completed", lesson.completedAt());
        activity(statement.putObject("object"), lessonUrl, LESSON, null);
        statement.putObject("result").put("completion", true);
        context(statement, lesson.orgId(), lesson.learnerId(), lesson.courseId(), null);
        store(statement, lesson.orgId(), COMPLETED);
    }

    /**
     * One answered statement per question (when the event carries them), then passed or failed. Success is the
     * attempt's own passed flag: the statement reports the attempt, not the course's grading.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void quizAttemptScored(String eventId, QuizAttemptScored attempt) {
        if (!config.delivers(attempt.orgId())) {
            return;
        }
        courseInitialized(attempt.orgId(), attempt.learnerId(), attempt.courseId(),
                attempt.startedAt() != null ? attempt.startedAt() : attempt.submittedAt());
        String quizUrl = courseUrl(attempt.courseId()) + "/quizzes/" + attempt.quizId();
        if (attempt.answers() != null) {
            attempt.answers().forEach(question -> answered(eventId, attempt, quizUrl, question));
        }
        String verb = attempt.passed() ? PASSED : FAILED;
        ObjectNode statement = statement(eventId, attempt.learnerId(), verb, attempt.passed() ? "passed" : "failed",
                attempt.submittedAt());
        activity(statement.putObject("object"), quizUrl, ASSESSMENT, null);
        ObjectNode result = statement.putObject("result");
        result.put("success", attempt.passed()).put("completion", true);
        result.putObject("score").put("scaled", scaled(attempt.percent())).put("raw", attempt.score())
                .put("min", 0).put("max", attempt.maxScore());
        duration(result, attempt.startedAt(), attempt.submittedAt());
        context(statement, attempt.orgId(), attempt.learnerId(), attempt.courseId(), null);
        statement.with("context").putObject("extensions")
                .put(stripSlash(config.activityBase()) + "/xapi/extensions/attempt-number", attempt.attemptNumber());
        store(statement, attempt.orgId(), verb);
    }

    /** A question as a cmi.interaction: its choices (or matching source and target), the key and the response. */
    private void answered(String eventId, QuizAttemptScored attempt, String quizUrl, QuizAttemptScored.AnsweredQuestion question) {
        ObjectNode statement = statement(eventId + ":" + question.questionId(), attempt.learnerId(), ANSWERED, "answered",
                attempt.submittedAt());
        ObjectNode object = statement.putObject("object");
        activity(object, quizUrl + "/questions/" + question.questionId(), INTERACTION, null);
        ObjectNode definition = (ObjectNode) object.get("definition");
        if (question.prompt() != null && !question.prompt().isBlank()) {
            definition.putObject("description").put("en-US", question.prompt());
        }
        String key;
        String response;
        if (question.interaction() == QuizAttemptScored.Interaction.MATCHING) {
            definition.put("interactionType", "matching");
            components(definition.putArray("source"), question.items());
            components(definition.putArray("target"), question.options());
            key = pairs(question.correctMatches());
            response = pairs(question.chosenMatches());
        } else {
            definition.put("interactionType", "choice");
            components(definition.putArray("choices"), question.options());
            key = String.join("[,]", orEmpty(question.correctOptionIds()));
            response = String.join("[,]", orEmpty(question.chosenOptionIds()));
        }
        definition.putArray("correctResponsesPattern").add(key);
        ObjectNode result = statement.putObject("result");
        result.put("response", response).put("success", question.score() >= 1).put("completion", true);
        result.putObject("score").put("scaled", question.score()).put("raw", question.score()).put("min", 0).put("max", 1);
        context(statement, attempt.orgId(), attempt.learnerId(), attempt.courseId(), quizUrl);
        store(statement, attempt.orgId(), ANSWERED);
    }

    private static void components(ArrayNode into, List<QuizAttemptScored.Choice> choices) {
        for (QuizAttemptScored.Choice choice : choices == null ? List.<QuizAttemptScored.Choice>of() : choices) {
            ObjectNode component = into.addObject().put("id", choice.id());
            if (choice.text() != null && !choice.text().isBlank()) {
                component.putObject("description").put("en-US", choice.text());
            }
        }
    }

    /** xAPI's matching format: source[.]target pairs joined by [,], in item order. */
    private static String pairs(Map<String, String> matches) {
        if (matches == null) {
            return "";
        }
        return new TreeMap<>(matches).entrySet().stream().map(e -> e.getKey() + "[.]" + e.getValue())
                .collect(Collectors.joining("[,]"));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** ISO 8601 duration between the two instants; left out when the start is unknown (events from before it). */
    private static void duration(ObjectNode result, Instant from, Instant to) {
        if (from != null && to != null) {
            result.put("duration", Duration.between(from, to).abs().toString());
        }
    }

    /** The registration, the platform and language, and the parent: the quiz (for a question) or the course. */
    private void context(ObjectNode statement, String orgId, String learnerId, String courseId, String parentUrl) {
        ObjectNode context = statement.with("context");
        context.put("registration", registration(orgId, learnerId, courseId).toString());
        context.put("platform", "Upward").put("language", "en-US");
        if (parentUrl != null || !statement.at("/object/id").asText().equals(courseUrl(courseId))) {
            ObjectNode activities = context.putObject("contextActivities");
            ObjectNode parent = activities.putArray("parent").addObject();
            if (parentUrl != null) {
                activity(parent, parentUrl, ASSESSMENT, null);
                activity(activities.putArray("grouping").addObject(), courseUrl(courseId), COURSE, null);
            } else {
                activity(parent, courseUrl(courseId), COURSE, null);
            }
        }
    }

    private ObjectNode statement(String sourceEventId, String learnerId, String verb, String verbName, Instant at) {
        ObjectNode statement = mapper.createObjectNode();
        statement.put("id", statementId(sourceEventId).toString());
        ObjectNode actor = statement.putObject("actor");
        actor.put("objectType", "Agent");
        String name = name(learnerId);
        if (name != null) {
            actor.put("name", name);
        }
        actor.putObject("account").put("homePage", config.accountHomePage()).put("name", learnerId);
        statement.putObject("verb").put("id", verb).putObject("display").put("en-US", verbName);
        statement.put("timestamp", at.toString());
        return statement;
    }

    private static void activity(ObjectNode object, String id, String type, String name) {
        object.put("objectType", "Activity").put("id", id);
        ObjectNode definition = object.putObject("definition").put("type", type);
        if (name != null) {
            definition.putObject("name").put("en-US", name);
        }
    }

    private String courseUrl(String courseId) {
        return stripSlash(config.activityBase()) + "/courses/" + courseId;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static double scaled(double percent) {
        return Math.max(0, Math.min(1, percent / 100));
    }

    private String name(String learnerId) {
        return profiles.displayName(learnerId);
    }

    private void store(ObjectNode statement, String orgId, String verb) {
        String json = JsonText.write(mapper, statement);
        if (outbox.add(UUID.fromString(statement.get("id").asText()), orgId, verb, json)) {
            deliveryOutbox.wakeAfterCommit(sender);
        }
    }
}
