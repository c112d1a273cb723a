package com.upward.progress;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;

import static com.upward.progress.TestEvents.attempt;
import static com.upward.progress.TestEvents.course;
import static com.upward.progress.TestEvents.lesson;
import static com.upward.progress.TestEvents.publish;
import static com.upward.progress.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learner's progress page carries an ETag; with it, a read is 304 while nothing changed, or waits for the change. */
@QuarkusTest
class ProgressChangesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A learner who has started the course (one lesson done), and the ETag of their page once it shows that. */
    private static String startedLearnersTag(String learnerId, String courseId, String token) {
        publish(course(courseId, 1));
        publish(lesson(learnerId, "acme", courseId, 1, "a", 1));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/me/progress/" + courseId)
                .then().statusCode(200).body("lessonsCompleted", equalTo(1)));
        Response page = given().auth().oauth2(token).get("/api/v1/me/progress/" + courseId);
        assertEquals("private, no-cache", page.header("Cache-Control").replace("no-cache, private", "private, no-cache"));
        assertNotNull(page.header("ETag"));
        return page.header("ETag");
    }

    @Test
    void anUnchangedPageIs304AndAWaitThatSeesNoChangeEndsIn304() {
        String courseId = unique("etag");
        String learnerId = "etag-learner-" + courseId;
        String token = TestTokens.learner(learnerId, "acme");
        String tag = startedLearnersTag(learnerId, courseId, token);

        given().auth().oauth2(token).header("If-None-Match", tag).get("/api/v1/me/progress/" + courseId)
                .then().statusCode(304).header("ETag", tag);
        given().auth().oauth2(token).header("If-None-Match", tag).header("Prefer", "wait=1").get("/api/v1/me/progress/" + courseId)
                .then().statusCode(304).header("ETag", tag);
        given().auth().oauth2(token).header("If-None-Match", "\"something-else\"").get("/api/v1/me/progress/" + courseId)
                .then().statusCode(200).header("ETag", tag);
    }

    @Test
    void aWaitingReadAnswersWithTheNewPageWhenAResultIsCounted() throws Exception {
        String courseId = unique("wait");
        String learnerId = "wait-learner-" + courseId;
        String token = TestTokens.learner(learnerId, "acme");
        String tag = startedLearnersTag(learnerId, courseId, token);

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                .header("If-None-Match", tag).header("Prefer", "wait=20").get("/api/v1/me/progress/" + courseId));
        Thread.sleep(500);
        assertFalse(waiting.isDone(), "held while nothing changed");

        publish(attempt(learnerId, "acme", courseId, 1, 75, 2));

        Response changed = waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        changed.then().statusCode(200).body("quizzes[0].attempts", equalTo(1));
        assertNotEquals(tag, changed.header("ETag"));
    }

    /** A held read waits with no database connection: more of them than the pool holds leave other requests served. */
    @Test
    void heldReadsTakeNoDatabaseConnectionWhileTheyWait() throws Exception {
        String courseId = unique("held");
        String learnerId = "held-learner-" + courseId;
        String token = TestTokens.learner(learnerId, "acme");
        String tag = startedLearnersTag(learnerId, courseId, token);
        int held = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.max-size", Integer.class).orElse(20) + 5;

        ExecutorService readers = Executors.newFixedThreadPool(held);
        try {
            List<Future<Response>> waiting = new ArrayList<>();
            for (int i = 0; i < held; i++) {
                waiting.add(readers.submit(() -> given().auth().oauth2(token).header("If-None-Match", tag)
                        .header("Prefer", "wait=15").get("/api/v1/me/progress/" + courseId)));
            }
            Thread.sleep(1_000);
            assertTrue(waiting.stream().noneMatch(Future::isDone), "every read held while nothing changed");

            given().auth().oauth2(token).get("/api/v1/me/progress/" + courseId).then().statusCode(200);

            publish(attempt(learnerId, "acme", courseId, 1, 75, 2));
            for (Future<Response> read : waiting) {
                read.get(WAIT.toSeconds(), TimeUnit.SECONDS).then().statusCode(200).body("quizzes[0].attempts", equalTo(1));
            }
        } finally {
            readers.shutdownNow();
        }
    }
}
