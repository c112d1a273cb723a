package com.upward.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The learner directory: an admin sees the learners of their own organisation only, by name, searchable. */
@QuarkusTest
class LearnerDirectoryTest {

    private static String token(String username) {
        return given().header("X-Forwarded-For", "10.10.0.1").contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"upward-demo\"}").post("/api/v1/auth/token")
                .jsonPath().getString("access_token");
    }

    @Test
    void anAdminListsTheLearnersOfTheirOwnOrganisation() {
        given().auth().oauth2(token("admin@acme")).get("/api/v1/admin/learners").then().statusCode(200)
                .body("items.name", equalTo(List.of("Avery Chen", "Blake Osei", "Casey Novak")))
                .body("items.username", equalTo(List.of("learner1@acme", "learner2@acme", "learner3@acme")))
                .body("items[0].id", equalTo("f802a460-fe77-3e24-bedc-03a4184916a7"));
        given().auth().oauth2(token("admin@globex")).get("/api/v1/admin/learners").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].username", equalTo("learner1@globex"));
    }

    @Test
    void searchMatchesNameOrUsername() {
        String admin = token("admin@acme");
        given().auth().oauth2(admin).queryParam("q", "osei").get("/api/v1/admin/learners").then().statusCode(200)
                .body("items.name", equalTo(List.of("Blake Osei")));
        given().auth().oauth2(admin).queryParam("q", "LEARNER3").get("/api/v1/admin/learners").then().statusCode(200)
                .body("items.name", equalTo(List.of("Casey Novak")));
        given().auth().oauth2(admin).queryParam("q", "nobody").get("/api/v1/admin/learners").then().statusCode(200)
                .body("items", hasSize(0));
        assertProblem(given().auth().oauth2(admin).queryParam("q", "x".repeat(101)).get("/api/v1/admin/learners"), 400);
    }

    @Test
    void onlyAdminsMayList() {
        assertProblem(given().auth().oauth2(token("learner1@acme")).get("/api/v1/admin/learners"), 403);
        assertProblem(given().auth().oauth2(token("author@acme")).get("/api/v1/admin/learners"), 403);
        assertProblem(given().get("/api/v1/admin/learners"), 401);
    }
}
