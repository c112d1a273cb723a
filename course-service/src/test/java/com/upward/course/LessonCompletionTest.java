package com.upward.course;

import com.upward.platform.testing.EventSchemas;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class LessonCompletionTest {

    private static final String LESSON = "/api/v1/courses/how-to-lead-upward/lessons/what-is-leading-upward";

    @Inject
    EntityManager entityManager;

    @Test
    void completingTwiceGivesOneCompletionAndOneEventThatMatchesItsSchema() {
        String token = TestTokens.learner("completer-1", "acme");
        Response first = given().auth().oauth2(token).post(LESSON + "/completion");
        first.then().statusCode(200).body("lessonId", equalTo("what-is-leading-upward")).body("version", equalTo(1));
        Response second = given().auth().oauth2(token).post(LESSON + "/completion");
        second.then().statusCode(200);
        assertEquals(first.jsonPath().getString("completedAt"), second.jsonPath().getString("completedAt"));

        assertEquals(1L, count("SELECT count(*) FROM lesson_completion WHERE learner_id = 'completer-1'"));
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE type = 'upward.lesson.completed' AND event_key = 'completer-1'"));

        List<ConsumerRecord<String, String>> published = KafkaTestClient.await("upward.learning",
                record -> "completer-1".equals(record.key()), 2, Duration.ofSeconds(5));
        assertEquals(1, published.size(), "exactly one event reached Kafka");
        ConsumerRecord<String, String> event = published.get(0);
        assertEquals("upward.lesson.completed", KafkaTestClient.header(event, "ce_type"));
        assertEquals("/upward/course-service", KafkaTestClient.header(event, "ce_source"));
        assertEquals("1.0", KafkaTestClient.header(event, "ce_specversion"));
        assertEquals("application/json", KafkaTestClient.header(event, "content-type"));
        EventSchemas.assertMatchesSchema("upward.lesson.completed", event.value());
    }

    @Test
    void aLearnerCannotCompleteUnderASecondOrganisation() {
        given().auth().oauth2(TestTokens.learner("two-orgs-1", "acme")).post(LESSON + "/completion").then().statusCode(200);
        com.upward.platform.testing.Problems.assertProblem(
                given().auth().oauth2(TestTokens.learner("two-orgs-1", "globex")).post(LESSON + "/completion"), 403);
    }

    @Test
    void completionShowsInTheOutline() {
        String token = TestTokens.learner("completer-2", "acme");
        given().auth().oauth2(token).post(LESSON + "/completion").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/courses/how-to-lead-upward").then().statusCode(200)
                .body("lessonsCompleted", equalTo(1))
                .body("nextLessonId", equalTo("complications-and-benefits"))
                .body("modules[0].lessons[0].completed", equalTo(true));
    }

    @Test
    void completingAnUnknownLessonWritesNothing() {
        String token = TestTokens.learner("completer-3", "acme");
        assertProblem(given().auth().oauth2(token).post("/api/v1/courses/how-to-lead-upward/lessons/no-such-lesson/completion"), 404);
        assertEquals(0L, count("SELECT count(*) FROM lesson_completion WHERE learner_id = 'completer-3'"));
        assertEquals(0L, count("SELECT count(*) FROM learner_course WHERE learner_id = 'completer-3'"));
        assertEquals(0L, count("SELECT count(*) FROM outbox_event WHERE event_key = 'completer-3'"));
    }

    @Test
    void aWrongOrMalformedVersionIsRefusedAndWritesNothing() {
        String token = TestTokens.learner("completer-4", "acme");
        assertProblem(given().auth().oauth2(token).queryParam("version", 7).post(LESSON + "/completion"), 409);
        assertProblem(given().auth().oauth2(token).queryParam("version", "abc").post(LESSON + "/completion"), 400);
        assertProblem(given().auth().oauth2(token).queryParam("version", 0).post(LESSON + "/completion"), 400);
        assertProblem(given().auth().oauth2(token).post("/api/v1/courses/no-such-course/lessons/x/completion"), 404);
        assertProblem(given().auth().oauth2(token).post("/api/v1/courses/how-to-lead-upward/lessons/BAD_ID/completion"), 400);
        assertEquals(0L, count("SELECT count(*) FROM lesson_completion WHERE learner_id = 'completer-4'"));
        assertEquals(0L, count("SELECT count(*) FROM learner_course WHERE learner_id = 'completer-4'"));
        assertEquals(0L, count("SELECT count(*) FROM outbox_event WHERE event_key = 'completer-4'"));
        given().auth().oauth2(token).queryParam("version", 1).post(LESSON + "/completion").then().statusCode(200);
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
