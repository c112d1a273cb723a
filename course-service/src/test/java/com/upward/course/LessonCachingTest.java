package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lessons and the outline carry an ETag; If-None-Match with it answers 304 until the learner's state changes. */
@QuarkusTest
class LessonCachingTest {

    private static final String COURSE = "/api/v1/courses/how-to-lead-upward";
    private static final String LESSON = COURSE + "/lessons/position-power-role";

    private RequestSpecification as(String learnerId) {
        return given().auth().oauth2(TestTokens.learner(learnerId, "acme"));
    }

    @Test
    void unchangedLessonAnswers304AndAChangedCompletionStateGivesANewTag() {
        Response first = as("cacher-1").get(LESSON);
        first.then().statusCode(200);
        String tag = first.header("ETag");
        assertNotNull(tag, "a lesson carries an ETag");
        assertTrue(first.header("Cache-Control").contains("private"), "per-learner answers are not for shared caches");

        Response again = as("cacher-1").header("If-None-Match", tag).get(LESSON);
        assertEquals(304, again.statusCode());
        assertEquals(tag, again.header("ETag"));
        assertEquals("", again.asString(), "a 304 has no body");

        assertEquals(200, as("cacher-1").header("If-None-Match", "\"some-other-tag\"").get(LESSON).statusCode());

        as("cacher-1").post(LESSON + "/completion").then().statusCode(200);
        Response changed = as("cacher-1").header("If-None-Match", tag).get(LESSON);
        changed.then().statusCode(200);
        assertEquals(true, changed.jsonPath().getBoolean("completed"));
        assertNotEquals(tag, changed.header("ETag"), "completion state is part of the body, so of the tag");
        assertEquals(304, as("cacher-1").header("If-None-Match", changed.header("ETag")).get(LESSON).statusCode());
    }

    @Test
    void theSameLessonHasTheSameTagForLearnersInTheSameState() {
        assertEquals(as("cacher-2").get(LESSON).header("ETag"), as("cacher-3").get(LESSON).header("ETag"));
    }

    @Test
    void outlineIsConditionalToo() {
        Response outline = as("cacher-4").get(COURSE);
        String tag = outline.header("ETag");
        assertNotNull(tag);
        assertEquals(304, as("cacher-4").header("If-None-Match", tag).get(COURSE).statusCode());
        as("cacher-4").post(COURSE + "/lessons/what-is-leading-upward/completion").then().statusCode(200);
        Response changed = as("cacher-4").header("If-None-Match", tag).get(COURSE);
        assertEquals(200, changed.statusCode());
        assertEquals(1, changed.jsonPath().getInt("lessonsCompleted"));
    }
}
