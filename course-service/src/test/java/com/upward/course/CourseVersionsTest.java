package com.upward.course;

import com.upward.platform.testing.EventSchemas;
import com.upward.platform.testing.KafkaTestClient;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The author lifecycle end to end, and the version rule: a learner who started a version keeps it when a newer
 * one is published; a learner who has not started gets the newest.
 */
@QuarkusTest
class CourseVersionsTest {

    private static final String COURSE_ID = "leading-teams";
    private static final String ADMIN = "/api/v1/admin/courses/" + COURSE_ID;
    private static final String LEARN = "/api/v1/courses/" + COURSE_ID;

    private static RequestSpecification author() {
        String token = TestTokens.author("author-1", "acme");
        return given().auth().oauth2(token).contentType(ContentType.JSON).filter(new CurrentRevision(token));
    }

    private static RequestSpecification learner(String learnerId) {
        return given().auth().oauth2(TestTokens.learner(learnerId, "acme"));
    }

    static Map<String, Object> lesson(String id, String moduleId, String title) {
        return Map.of("id", id, "moduleId", moduleId, "title", title, "estimatedMinutes", 3, "required", true,
                "objectives", List.of("Explain " + title.toLowerCase()),
                "blocks", List.of(
                        Map.of("type", "text", "text", "What " + title + " is about."),
                        Map.of("type", "quote", "text", "A sentence from the source.", "cite", "The source"),
                        Map.of("type", "key-points", "items", List.of("One point.")),
                        Map.of("type", "interview", "asker", "Q", "question", "Why?", "answerer", "A", "answer", "Because."),
                        Map.of("type", "reflection", "prompt", "Think about " + title + ".")));
    }

    @Test
    void authorPublishesVersionsAndLearnersKeepTheVersionTheyStarted() {
        // Version 1 of a new course, written through the author API.
        author().body(Map.of("title", "Leading teams", "summary", "A test course.")).post(ADMIN + "/draft")
                .then().statusCode(201).header("ETag", "\"1\"").body("basedOnVersion", nullValue());
        author().body(Map.of("id", "basics", "title", "Basics")).post(ADMIN + "/draft/modules").then().statusCode(201);
        author().body(lesson("first-lesson", "basics", "First lesson")).post(ADMIN + "/draft/lessons")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/draft/lessons/first-lesson"));
        author().body(lesson("second-lesson", "basics", "Second lesson")).post(ADMIN + "/draft/lessons").then().statusCode(201);
        author().body(Map.of("title", "Basics quiz", "moduleId", "basics", "passPercent", 70, "required", true,
                "unlockedBy", List.of("first-lesson", "second-lesson"))).put(ADMIN + "/draft/quizzes/basics-quiz").then().statusCode(201);
        author().get(ADMIN + "/draft/validation").then().statusCode(200)
                .body("valid", equalTo(true)).body("version", equalTo(1)).body("problems.size()", equalTo(0));
        author().post(ADMIN + "/draft/publication").then().statusCode(201)
                .body("version", equalTo(1)).body("lessonCount", equalTo(2)).body("quizCount", equalTo(1));
        assertProblem(author().get(ADMIN + "/draft"), 404);

        // Learner A starts version 1.
        learner("version-a").post(LEARN + "/lessons/first-lesson/completion").then().statusCode(200).body("version", equalTo(1));

        // Version 2: a draft copied from version 1, a lesson added and put first, another retitled.
        author().body("{}").post(ADMIN + "/draft").then().statusCode(201).body("basedOnVersion", equalTo(1))
                .body("modules[0].lessons.id", equalTo(List.of("first-lesson", "second-lesson")));
        author().body(lesson("new-opening", "basics", "New opening")).post(ADMIN + "/draft/lessons").then().statusCode(201);
        author().body(Map.of("modules", List.of(Map.of("id", "basics", "lessons", List.of("new-opening", "first-lesson", "second-lesson")))))
                .put(ADMIN + "/draft/order").then().statusCode(200)
                .body("modules[0].lessons.id", equalTo(List.of("new-opening", "first-lesson", "second-lesson")));
        Map<String, Object> edited = new java.util.HashMap<>(author().get(ADMIN + "/draft/lessons/second-lesson").then()
                .statusCode(200).extract().jsonPath().getMap(""));
        edited.put("title", "Second lesson, revised");
        author().body(edited).put(ADMIN + "/draft/lessons/second-lesson").then().statusCode(200)
                .body("title", equalTo("Second lesson, revised"));
        author().post(ADMIN + "/draft/publication").then().statusCode(201).body("version", equalTo(2)).body("lessonCount", equalTo(3));

        // A stays on version 1 ...
        learner("version-a").get(LEARN).then().statusCode(200)
                .body("version", equalTo(1)).body("latestVersion", equalTo(2)).body("lessonsCompleted", equalTo(1))
                .body("modules[0].lessons.id", equalTo(List.of("first-lesson", "second-lesson")));
        learner("version-a").get(LEARN + "/lessons/second-lesson").then().statusCode(200)
                .body("version", equalTo(1)).body("title", equalTo("Second lesson"));
        assertProblem(learner("version-a").get(LEARN + "/lessons/new-opening"), 404);
        Response otherVersion = learner("version-a").post(LEARN + "/lessons/new-opening/completion");
        assertProblem(otherVersion, 409);
        assertEquals("Lesson 'new-opening' belongs to version 2 of course 'leading-teams', but you follow version 1, which has no such lesson.",
                otherVersion.jsonPath().getString("detail"));
        assertProblem(learner("version-a").queryParam("version", 2).post(LEARN + "/lessons/second-lesson/completion"), 409);
        learner("version-a").queryParam("version", 1).post(LEARN + "/lessons/second-lesson/completion").then().statusCode(200)
                .body("version", equalTo(1));

        // ... and learner B, new, gets version 2.
        learner("version-b").get(LEARN).then().statusCode(200)
                .body("version", equalTo(2))
                .body("modules[0].lessons.id", equalTo(List.of("new-opening", "first-lesson", "second-lesson")))
                .body("modules[0].lessons[2].title", equalTo("Second lesson, revised"));
        learner("version-b").post(LEARN + "/lessons/new-opening/completion").then().statusCode(200).body("version", equalTo(2));
        learner("version-b").get("/api/v1/courses").then().statusCode(200)
                .body("items.find { it.id == 'leading-teams' }.version", equalTo(2))
                .body("items.find { it.id == 'how-to-lead-upward' }.version", equalTo(1));

        // Search looks in each learner's own version.
        learner("version-a").queryParam("q", "opening").get(LEARN + "/search").then().statusCode(200)
                .body("totalItems", equalTo(0));
        learner("version-b").queryParam("q", "opening").get(LEARN + "/search").then().statusCode(200)
                .body("items[0].lessonId", equalTo("new-opening"));

        // Both publications reached Kafka with the structure, and match the schema.
        List<ConsumerRecord<String, String>> published = KafkaTestClient.await("upward.course",
                record -> COURSE_ID.equals(record.key()), 2, Duration.ofSeconds(10));
        assertEquals(2, published.size());
        for (ConsumerRecord<String, String> event : published) {
            assertEquals("upward.course.published", KafkaTestClient.header(event, "ce_type"));
            EventSchemas.assertMatchesSchema("upward.course.published", event.value());
        }
        JsonPath second = new JsonPath(published.get(1).value());
        assertEquals(2, second.getInt("version"));
        assertEquals(List.of("new-opening", "first-lesson", "second-lesson"), second.getList("lessons.id"));
        assertEquals(List.of(1, 2, 3), second.getList("lessons.position"));
        assertEquals(List.of("first-lesson", "second-lesson"), second.getList("quizzes[0].unlockedBy"));
    }
}
