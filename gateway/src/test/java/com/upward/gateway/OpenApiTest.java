package com.upward.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One OpenAPI document for the whole public API, routed paths and the gateway's own, and its Swagger UI. */
@QuarkusTest
class OpenApiTest {

    @Test
    void oneDocumentListsTheRoutedPathsAndTheGatewaysOwn() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals("Upward API", document.getString("info.title"));
        Map<String, Object> paths = document.getMap("paths");
        for (String path : new String[]{"/api/v1/auth/token", "/.well-known/jwks.json", "/api/v1/me/dashboard",
                "/api/v1/courses", "/api/v1/courses/{courseId}", "/api/v1/courses/{courseId}/lessons/{lessonId}",
                "/api/v1/courses/{courseId}/lessons/{lessonId}/completion", "/api/v1/quizzes/{quizId}",
                "/api/v1/quizzes/{quizId}/attempts", "/api/v1/attempts/{attemptId}", "/api/v1/attempts/{attemptId}/submission",
                "/api/v1/me/progress", "/api/v1/me/progress/{courseId}", "/api/v1/certificates/{certificateId}",
                "/api/v1/integration/completions"}) {
            assertTrue(paths.containsKey(path), "documents " + path);
        }
        assertEquals("bearer", document.getString("components.securitySchemes.bearer.scheme"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
