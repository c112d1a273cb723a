package com.upward.progress;

import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.testing.LtiTestPlatform;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.LtiTestPlatform.CLAIM;
import static com.upward.progress.TestEvents.attempt;
import static com.upward.progress.TestEvents.count;
import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.requiredLessonsDone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grade passback against the test platform over real HTTP: its token endpoint checks our private_key_jwt assertion
 * against /lti/jwks, its line item records every score. Exactly one score per scored attempt and per completion
 * reaches the platform, also after it was down and came back.
 */
@QuarkusTest
class AgsPassbackTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LtiTestPlatform platform;

    @Inject
    EntityManager entityManager;

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /** Launches the user through a resource link (custom parameters say what it opens); returns the learner id. */
    private static String launch(String subject, String lineitemPath, Map<String, String> custom, String linkId) {
        String nonce = UUID.randomUUID().toString();
        Map<String, Object> claims = platform.launchClaims(subject, nonce, lineitemPath);
        claims.put(CLAIM + "custom", custom);
        claims.put(CLAIM + "resource_link", Map.of("id", linkId));
        Response launched = given().contentType(ContentType.JSON)
                .body(Map.of("idToken", platform.sign(claims), "expectedNonce", nonce)).post("/internal/lti/launches");
        assertEquals(200, launched.statusCode(), launched::asString);
        return launched.jsonPath().getString("learnerId");
    }

    private List<LtiTestPlatform.ReceivedScore> scoresAt(String lineitem) {
        return platform.scores().stream().filter(s -> s.lineitem().equals(lineitem)).toList();
    }

    @Test
    void everyScoredAttemptAndTheCompletionReachTheLineItemsOnceEvenAfterAnOutage() {
        String org = "ags-" + UUID.randomUUID();
        platform = new LtiTestPlatform();
        platform.trustToolJwks(RestAssured.baseURI + ":" + RestAssured.port + "/lti/jwks");
        given().auth().oauth2(TestTokens.admin("admin", org)).contentType(ContentType.JSON)
                .body(platform.registration()).post("/api/v1/admin/lti/platforms").then().statusCode(201);
        String courseId = TestEvents.unique("ags-course");
        publish(course(courseId, 1));
        String subject = "lms-user-" + UUID.randomUUID();
        // The quiz link's line item has a query string: /scores must go before it.
        String quizLineitem = "/lineitems/quiz-1?type=quiz";
        String learnerId = launch(subject, quizLineitem, Map.of("course", courseId, "quiz", "q"), "quiz-link");
        String courseLineitem = "/lineitems/course-1";
        assertEquals(learnerId, launch(subject, courseLineitem, Map.of("course", courseId), "course-link"));

        QuizAttemptScored first = attempt(learnerId, org, courseId, 1, 40, 3);
        publish(first);
        await().atMost(WAIT).until(() -> scoresAt(quizLineitem).size() == 1);
        Map<String, Object> score = scoresAt(quizLineitem).get(0).body();
        assertEquals(subject, score.get("userId"), "userId is the launch's sub");
        assertEquals(4.0, ((Number) score.get("scoreGiven")).doubleValue());
        assertEquals(10.0, ((Number) score.get("scoreMaximum")).doubleValue());
        assertEquals("Completed", score.get("activityProgress"));
        assertEquals("FullyGraded", score.get("gradingProgress"));
        assertEquals("2026-11-02T10:03:00Z", score.get("timestamp"));
        // The same event again, and the same attempt under a new event id: nothing new for the platform.
        publish(first);

        // The platform goes down; the next attempt waits in the outbox and is retried with backoff.
        platform.setDown(true);
        QuizAttemptScored second = attempt(learnerId, org, courseId, 2, 60, 4);
        publish(second);
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM ags_outbox WHERE result_key LIKE ?1 AND attempts >= 2 AND status = 'PENDING'",
                "attempt:" + second.attemptId() + "|%") == 2);
        platform.setDown(false);
        await().atMost(WAIT).until(() -> scoresAt(quizLineitem).size() == 2);

        // A passing attempt completes the course: the quiz link gets the attempt, the course link the completion.
        requiredLessonsDone(learnerId, org, courseId);
        QuizAttemptScored passing = attempt(learnerId, org, courseId, 3, 90, 5);
        publish(passing);
        await().atMost(WAIT).until(() -> scoresAt(quizLineitem).size() == 3
                && scoresAt(courseLineitem).stream().anyMatch(s -> "Completed".equals(s.body().get("activityProgress"))));
        // Everything stored has gone: nothing pending that could still arrive.
        await().atMost(WAIT).until(() -> count(entityManager,
                "SELECT count(*) FROM ags_outbox WHERE status <> 'SENT' AND lineitem_url LIKE ?1", platform.url("") + "%") == 0);

        List<Double> quizScores = scoresAt(quizLineitem).stream()
                .map(s -> ((Number) s.body().get("scoreGiven")).doubleValue()).toList();
        assertEquals(List.of(4.0, 6.0, 9.0), quizScores, "one score per attempt, in order");
        List<LtiTestPlatform.ReceivedScore> course = scoresAt(courseLineitem);
        assertEquals(4, course.size(), "three attempts in progress and one completion: " + course);
        assertEquals(1, course.stream().filter(s -> "Completed".equals(s.body().get("activityProgress"))).count());
        assertEquals(1, platform.tokenRequests(), "the access token is cached until it expires");
        assertTrue(platform.scores().stream().allMatch(s -> s.body().get("userId").equals(subject)));
    }
}
