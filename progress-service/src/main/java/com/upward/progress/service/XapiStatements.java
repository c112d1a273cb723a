package com.upward.progress.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.upward.platform.events.AfterCommit;
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
import java.time.Instant;
import java.util.UUID;

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
    static final String COURSE = "http://adlnet.gov/expapi/activities/course";
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
    AfterCommit afterCommit;

    /** The statement id for a source event: the same event id always gives the same statement id. */
    public static UUID statementId(String sourceEventId) {
        return UUID.nameUUIDFromBytes(("upward-xapi:" + sourceEventId).getBytes(StandardCharsets.UTF_8));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void courseCompleted(UUID eventId, String learnerId, String orgId, String courseId, String courseTitle,
                                Instant completedAt, double finalPercent) {
        if (!config.delivers(orgId)) {
            return;
        }
        ObjectNode statement = statement(eventId.toString(), learnerId, COMPLETED, "completed", completedAt);
        activity(statement.putObject("object"), courseUrl(courseId), COURSE, courseTitle);
        ObjectNode result = statement.putObject("result");
        result.put("completion", true).put("success", true);
        result.putObject("score").put("scaled", scaled(finalPercent));
        store(statement, orgId, COMPLETED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lessonCompleted(String eventId, LessonCompleted lesson) {
        if (!config.delivers(lesson.orgId())) {
            return;
        }
        ObjectNode statement = statement(eventId, lesson.learnerId(), COMPLETED, "completed", lesson.completedAt());
        activity(statement.putObject("object"), courseUrl(lesson.courseId()) + "/lessons/" + lesson.lessonId(), LESSON, null);
        statement.putObject("result").put("completion", true);
        parent(statement, lesson.courseId());
        store(statement, lesson.orgId(), COMPLETED);
    }

    /** Success is the attempt's own passed flag: the statement reports the attempt, not the course's grading. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void quizAttemptScored(String eventId, QuizAttemptScored attempt) {
        if (!config.delivers(attempt.orgId())) {
            return;
        }
        String verb = attempt.passed() ? PASSED : FAILED;
        ObjectNode statement = statement(eventId, attempt.learnerId(), verb, attempt.passed() ? "passed" : "failed",
                attempt.submittedAt());
        activity(statement.putObject("object"), courseUrl(attempt.courseId()) + "/quizzes/" + attempt.quizId(), ASSESSMENT, null);
        ObjectNode result = statement.putObject("result");
        result.put("success", attempt.passed()).put("completion", true);
        result.putObject("score").put("scaled", scaled(attempt.percent())).put("raw", attempt.score())
                .put("min", 0).put("max", attempt.maxScore());
        parent(statement, attempt.courseId());
        statement.with("context").putObject("extensions")
                .put(stripSlash(config.activityBase()) + "/xapi/extensions/attempt-number", attempt.attemptNumber());
        store(statement, attempt.orgId(), verb);
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

    private void parent(ObjectNode statement, String courseId) {
        ObjectNode parent = statement.with("context").putObject("contextActivities").putArray("parent").addObject();
        activity(parent, courseUrl(courseId), COURSE, null);
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
            afterCommit.run(sender::wake);
        }
    }
}
