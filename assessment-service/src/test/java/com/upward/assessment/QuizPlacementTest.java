package com.upward.assessment;

import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
