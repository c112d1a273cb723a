package com.upward.gateway;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ServiceProxyTest {

    private final String learner = TestTokens.learner("learner-x", "acme");

    @Test
    void methodPathQueryHeadersAndBodyPassThroughUnchanged() {
        given().auth().oauth2(learner).contentType(ContentType.JSON).body("{\"answers\":[]}")
                .queryParam("page", 2)
                .post("/api/v1/courses/c1/lessons/l1/completion")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/v1/courses/c1/lessons/l1/completion"))
                .body("query", equalTo("page=2"))
                .body("authorization", equalTo("Bearer " + learner))
                .body("body", equalTo("{\"answers\":[]}"));
    }

    @Test
    void aServiceProblemIsPassedThroughUnchanged() {
        Response response = given().auth().oauth2(learner).get("/api/v1/courses/missing");
        assertProblem(response, 404);
        assertEquals("Stand-in: nothing here.", response.jsonPath().getString("detail"));
    }

    @Test
    void anUnreachableServiceIsA503Problem() {
        Response response = given().auth().oauth2(learner).get("/api/v1/quizzes/four-types-of-power");
        assertProblem(response, 503);
        assertTrue(response.header("Retry-After").matches("[1-9][0-9]*"), "Retry-After in seconds");
    }

    @Test
    void aPathNoServiceOwnsIsNotFound() {
        assertProblem(given().auth().oauth2(learner).get("/api/v1/nothing-here"), 404);
    }

    @Test
    void adminPathsNeedAnAdminOrAuthorRoleAtTheEdge() {
        assertProblem(given().auth().oauth2(learner).get("/api/v1/admin/reports/summary"), 403);
        given().auth().oauth2(TestTokens.admin("admin-x", "acme")).get("/api/v1/admin/reports/summary")
                .then().statusCode(200).body("path", equalTo("/api/v1/admin/reports/summary"));
    }
}
