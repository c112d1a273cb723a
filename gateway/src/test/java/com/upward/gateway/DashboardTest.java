package com.upward.gateway;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GET /api/v1/me/dashboard against the stand-in services. The stand-in acts out a service being down for a
 * learner whose subject ends in "-<service>-down", which also shows the learner's own token is passed on.
 */
@QuarkusTest
class DashboardTest {

    private static Response dashboard(String learnerId) {
        return given().auth().oauth2(TestTokens.learner(learnerId, "acme"))
                .queryParam("courseId", StandInServiceResource.DASH_COURSE).get("/api/v1/me/dashboard");
    }

    @Test
    void combinesTheOutlineTheLearnersProgressAndTheQuizStates() {
        dashboard("learner-dash").then().statusCode(200)
                .body("courseId", equalTo("dash-course"))
                .body("unavailable", empty())
                .body("course.status", equalTo("AVAILABLE"))
                .body("course.data.title", equalTo("Dashboard course"))
                .body("progress.status", equalTo("AVAILABLE"))
                .body("progress.data.courseId", equalTo("dash-course"))
                .body("progress.data.percent", equalTo(50))
                .body("quizzes.status", equalTo("AVAILABLE"))
                .body("quizzes.data", hasSize(2))
                .body("quizzes.data[0].id", equalTo("dash-quiz-1"))
                .body("quizzes.data[0].unlocked", equalTo(true))
                .body("quizzes.data[0].passPercent", equalTo(70))
                .body("quizzes.data[0].moduleId", equalTo("module-1"))
                .body("quizzes.data[1].unlocked", equalTo(false));
    }

    @Test
    void theRequestIdAndTraceGoAlongToTheServices() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        Response response = given().auth().oauth2(TestTokens.learner("learner-dash", "acme"))
                .header("X-Request-Id", "dash-req-1").header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .queryParam("courseId", StandInServiceResource.DASH_COURSE).get("/api/v1/me/dashboard");
        response.then().statusCode(200).body("course.data.seenRequestId", equalTo("dash-req-1"));
        String seen = response.jsonPath().getString("course.data.seenTraceparent");
        assertEquals(trace, seen.split("-")[1], seen);
    }

    @Test
    void withTheAssessmentServiceDownTheRestIsStillAnswered() {
        Response response = dashboard("learner-assessment-down");
        response.then().statusCode(200)
                .body("course.status", equalTo("AVAILABLE"))
                .body("progress.status", equalTo("AVAILABLE"))
                .body("progress.data.percent", equalTo(50))
                .body("quizzes.status", equalTo("UNAVAILABLE"))
                .body("quizzes.data", nullValue());
        assertEquals(List.of("assessment-service"), response.jsonPath().getList("unavailable"));
    }

    @Test
    void withTheProgressServiceDownTheOutlineAndQuizzesAreStillAnswered() {
        Response response = dashboard("learner-progress-down");
        response.then().statusCode(200)
                .body("course.status", equalTo("AVAILABLE"))
                .body("quizzes.status", equalTo("AVAILABLE"))
                .body("progress.status", equalTo("UNAVAILABLE"));
        assertEquals(List.of("progress-service"), response.jsonPath().getList("unavailable"));
    }

    @Test
    void withTheCourseServiceDownProgressIsStillAnswered() {
        Response response = dashboard("learner-course-down");
        response.then().statusCode(200)
                .body("course.status", equalTo("UNAVAILABLE"))
                .body("quizzes.status", equalTo("UNAVAILABLE"))
                .body("progress.status", equalTo("AVAILABLE"));
        assertEquals(List.of("course-service"), response.jsonPath().getList("unavailable"));
    }

    @Test
    void anUnknownCourseIsTheServicesNotFound() {
        Response response = given().auth().oauth2(TestTokens.learner("learner-dash", "acme"))
                .queryParam("courseId", "missing").get("/api/v1/me/dashboard");
        assertProblem(response, 404);
        assertEquals("Stand-in: nothing here.", response.jsonPath().getString("detail"));
    }

    @Test
    void aBadCourseIdIsABadRequestAndOnlyLearnersHaveADashboard() {
        assertProblem(given().auth().oauth2(TestTokens.learner("learner-dash", "acme"))
                .queryParam("courseId", "../admin").get("/api/v1/me/dashboard"), 400);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-dash", "acme")).get("/api/v1/me/dashboard"), 403);
        assertProblem(given().get("/api/v1/me/dashboard"), 401);
    }
}
