package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CourseResourceTest {

    private static final String COURSE = "/api/v1/courses/how-to-lead-upward";

    private RequestSpecification as(String learnerId) {
        return given().auth().oauth2(TestTokens.learner(learnerId, "acme"));
    }

    @Test
    void unknownCourseIsNotFound() {
        assertProblem(as("reader-1").get("/api/v1/courses/no-such-course"), 404);
    }

    @Test
    void unknownLessonIsNotFound() {
        Response response = as("reader-1").get(COURSE + "/lessons/no-such-lesson");
        assertProblem(response, 404);
        assertEquals("Course 'how-to-lead-upward' version 1 has no lesson 'no-such-lesson'.", response.jsonPath().getString("detail"));
    }

    @Test
    void malformedIdIsRefusedWithTheFieldNamed() {
        Response response = as("reader-1").get(COURSE + "/lessons/NOT_AN_ID");
        assertProblem(response, 400);
        assertEquals("lessonId", response.jsonPath().getString("errors[0].field"));
    }

    @Test
    void tooLargePageIsRefused() {
        assertProblem(as("reader-1").queryParam("size", 5000).get("/api/v1/courses"), 400);
        assertProblem(as("reader-1").queryParam("page", -1).get("/api/v1/courses"), 400);
        Response notANumber = as("reader-1").queryParam("page", "two").get("/api/v1/courses");
        assertProblem(notANumber, 400);
        assertEquals("page", notANumber.jsonPath().getString("errors[0].field"));
    }

    @Test
    void catalogueListsTheCourse() {
        as("reader-1").get("/api/v1/courses").then().statusCode(200)
                .body("items.id", hasItem("how-to-lead-upward"))
                .body("items.find { it.id == 'how-to-lead-upward' }.lessonCount", equalTo(15))
                .body("page", equalTo(0))
                .body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void outlineGivesModulesLessonsAndQuizzesInOrderWithSequencingRules() {
        Response outline = as("reader-2").get(COURSE);
        outline.then().statusCode(200)
                .body("version", equalTo(1))
                .body("modules.id", equalTo(List.of("leading-upward", "power", "tips", "interview", "wrap-up")))
                .body("lessonsTotal", equalTo(15))
                .body("lessonsCompleted", equalTo(0))
                .body("nextLessonId", equalTo("what-is-leading-upward"))
                .body("modules[1].lessons.id", equalTo(List.of("power-and-leading-upward", "position-power-role",
                        "position-power-penalty", "personal-power-reputation", "personal-power-expertise", "using-the-power-you-have")));
        Map<String, Object> quiz = outline.jsonPath().getMap("modules[1].quizzes[0]");
        assertEquals("four-types-of-power", quiz.get("id"));
        assertEquals(false, quiz.get("unlocked"));
        assertEquals(80, quiz.get("passPercent"));
        assertEquals("Complete first: Position power: role, Position power: penalty, Personal power: reputation, Personal power: expertise.",
                quiz.get("lockedReason"));
    }

    @Test
    void lessonHasObjectivesBlocksAndNeighbours() {
        as("reader-3").get(COURSE + "/lessons/position-power-penalty").then().statusCode(200)
                .body("title", equalTo("Position power: penalty"))
                .body("moduleId", equalTo("power"))
                .body("previousLessonId", equalTo("position-power-role"))
                .body("nextLessonId", equalTo("personal-power-reputation"))
                .body("objectives.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("blocks.type", hasItem("quote"))
                .body("completed", equalTo(false))
                .body("attribution", notNullValue());
    }

    @Test
    void lessonsTypesCoverEveryBlockKind() {
        as("reader-3").get(COURSE + "/lessons/misconceptions-and-first-steps").then().statusCode(200)
                .body("blocks.findAll { it.type == 'interview' }", hasSize(2))
                .body("blocks.find { it.type == 'interview' }.answerer", startsWith("Aleta Norris"));
    }
}
