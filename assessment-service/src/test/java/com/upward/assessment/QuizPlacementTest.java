package com.upward.assessment;

import com.upward.assessment.support.Api;
import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class QuizPlacementTest {

    private final String learner = TestTokens.learner("learner-q", "acme");

    @Test
    void aPublishedCoursePlacesItsQuizzesAndTheNewestVersionWins() {
        KafkaTestClient.publish(course(1, 70), UUID.randomUUID().toString());
        KafkaTestClient.publish(course(2, 80), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(learner).get("/api/v1/quizzes/power-check").then().statusCode(200)
                        .body("courseVersion", equalTo(2))
                        .body("passPercent", equalTo(80))
                        .body("unlockedBy", equalTo(List.of("role", "penalty"))));
    }

    @Test
    void aLockedQuizCannotBeStartedUntilItsLessonsAreDone() {
        // interview-check is a bank quiz no other test starts: placed here behind two lessons.
        String quiz = "interview-check";
        KafkaTestClient.publish(new CoursePublished("how-to-lead-upward", 1, "How to Lead Upward", Instant.now(),
                List.of(new CoursePublished.Lesson("lesson-x", "m1", 1, "X", true),
                        new CoursePublished.Lesson("lesson-y", "m1", 2, "Y", true)),
                List.of(new CoursePublished.Quiz(quiz, "Interview check", 70, false, List.of("lesson-x", "lesson-y")))),
                UUID.randomUUID().toString());
        String learnerId = "locked-" + UUID.randomUUID();
        String token = TestTokens.learner(learnerId, "acme");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/quizzes/" + quiz).then().statusCode(200).body("unlockedBy", equalTo(List.of("lesson-x", "lesson-y"))));

        Response locked = Api.start(token, quiz);
        assertProblem(locked, 409);
        assertEquals("Quiz 'interview-check' opens once you have completed lessons lesson-x, lesson-y.",
                locked.jsonPath().getString("detail"));
        given().auth().oauth2(token).get("/api/v1/quizzes/" + quiz).then().body("myAttempts.used", equalTo(0));

        KafkaTestClient.publish(lesson(learnerId, "acme", "lesson-x"), UUID.randomUUID().toString());
        // The same learner id in another organisation completing lesson-y opens nothing here.
        KafkaTestClient.publish(lesson(learnerId, "globex", "lesson-y"), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(
                "Quiz 'interview-check' opens once you have completed lesson lesson-y.",
                Api.start(token, quiz).then().statusCode(409).extract().path("detail")));

        KafkaTestClient.publish(lesson(learnerId, "acme", "lesson-y"), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.start(token, quiz).then().statusCode(201));
    }

    private static LessonCompleted lesson(String learnerId, String orgId, String lessonId) {
        return new LessonCompleted(learnerId, orgId, "how-to-lead-upward", 1, lessonId, Instant.now());
    }

    @Test
    void anUnknownQuizIsNotFound() {
        assertProblem(given().auth().oauth2(learner).get("/api/v1/quizzes/no-such-quiz"), 404);
    }

    @Test
    void aMalformedQuizIdIsABadRequest() {
        assertProblem(given().auth().oauth2(learner).get("/api/v1/quizzes/Bad_Id"), 400);
    }

    private static CoursePublished course(int version, int passPercent) {
        return new CoursePublished("power-course", version, "Power course", Instant.now(),
                List.of(new CoursePublished.Lesson("role", "m1", 1, "Role", true),
                        new CoursePublished.Lesson("penalty", "m1", 2, "Penalty", true)),
                List.of(new CoursePublished.Quiz("power-check", "Power check", passPercent, true, List.of("role", "penalty"))));
    }
}
