package com.upward.gateway;

import com.upward.gateway.routing.RouteTemplates;
import com.upward.platform.testing.TestTokens;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proxied requests are counted under their documented path template, never under a path with its ids. */
@QuarkusTest
class MetricsTagsTest {

    @Inject
    MeterRegistry registry;

    @Inject
    RouteTemplates templates;

    @Test
    void proxiedPathsAreTaggedByTheirTemplateAndUndocumentedOnesByTheirRoute() {
        await().atMost(Duration.ofSeconds(20)).until(() -> templates.of("/api/v1/attempts/any/submission") != null);
        String learner = TestTokens.learner("metrics-learner", "acme");
        String attemptId = UUID.randomUUID().toString();

        given().auth().oauth2(learner).contentType("application/json").body("{\"answers\":[]}")
                .post("/api/v1/attempts/" + attemptId + "/submission");
        given().auth().oauth2(learner).post("/api/v1/courses/course-77/lessons/lesson-77/completion");
        given().auth().oauth2(learner).get("/api/v1/courses/course-78");
        given().auth().oauth2(learner).get("/api/v1/quizzes/quiz-79/not-a-documented-path");
        // Refused before any service: no token, and a token of the wrong role.
        given().get("/api/v1/courses/course-80").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("metrics-lms", "acme", "integration")).get("/api/v1/courses/course-81").then().statusCode(403);

        Set<String> uris = new TreeSet<>();
        for (Meter meter : registry.find("http.server.requests").meters()) {
            uris.add(meter.getId().getTag("uri"));
        }
        assertTrue(uris.contains("/api/v1/attempts/{attemptId}/submission"), "tagged by template: " + uris);
        assertTrue(uris.contains("/api/v1/courses/{courseId}/lessons/{lessonId}/completion"), "tagged by template: " + uris);
        assertTrue(uris.contains("/api/v1/courses/{courseId}"), "tagged by template: " + uris);
        assertTrue(uris.contains("/api/v1/quizzes/**"), "an undocumented path is tagged by its route: " + uris);
        for (String raw : new String[] {attemptId, "course-77", "lesson-77", "course-78", "quiz-79", "course-80", "course-81"}) {
            assertTrue(uris.stream().noneMatch(uri -> uri != null && uri.contains(raw)), raw + " is in no tag: " + uris);
        }
    }
}
