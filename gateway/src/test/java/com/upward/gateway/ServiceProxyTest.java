package com.upward.gateway;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
    void theServicesEndToEndHeadersPassThroughUnchangedWithOneRequestId() {
        Response response = given().header("X-Forwarded-For", "203.0.113.81").auth().oauth2(learner).header("X-Request-Id", "once-only-1")
                .get(StandInServiceResource.CACHEABLE);
        response.then().statusCode(200);
        assertEquals("no-cache, private", response.header("Cache-Control"));
        assertEquals("\"v1\"", response.header("ETag"));
        assertEquals("Authorization", response.header("Vary"));
        assertEquals(List.of("once-only-1"), response.headers().getValues("X-Request-Id"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"), "the gateway's own headers are added");
    }

    @Test
    void answersWithoutABodyPassThroughWithoutBodyFramingAndWithTheServicesHeaders() {
        for (String path : List.of(StandInServiceResource.NOT_MODIFIED, StandInServiceResource.NO_CONTENT)) {
            Response response = given().header("X-Forwarded-For", "203.0.113.82").auth().oauth2(learner).get(path);
            assertEquals(path.endsWith("not-modified") ? 304 : 204, response.statusCode(), path);
            assertEquals(null, response.header("Transfer-Encoding"), path);
            assertEquals("no-cache, private", response.header("Cache-Control"), path);
            assertEquals("", response.asString(), path);
        }
        Response head = given().header("X-Forwarded-For", "203.0.113.82").auth().oauth2(learner)
                .head(StandInServiceResource.CACHEABLE);
        assertEquals(200, head.statusCode());
        assertEquals(null, head.header("Transfer-Encoding"));
        assertEquals("\"v1\"", head.header("ETag"));
        assertEquals("", head.asString());
    }

    @Test
    void eachAdminPathNeedsExactlyTheRoleItsServiceAllowsAtTheEdge() {
        String admin = TestTokens.admin("admin-x", "acme");
        String author = TestTokens.author("author-x", "acme");
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(learner).get("/api/v1/admin/reports/summary"), 403);
        given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(admin).get("/api/v1/admin/reports/summary")
                .then().statusCode(200).body("path", equalTo("/api/v1/admin/reports/summary"));
        given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(admin).get("/api/v1/admin/enrolments").then().statusCode(200);
        // assessment-service is down in these tests: a 503 shows the edge let the admin through to it.
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(admin).get("/api/v1/admin/practice-report"), 503);
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(learner).get("/api/v1/admin/practice-report"), 403);
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(author).get("/api/v1/admin/practice-report"), 403);
        given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(author).get("/api/v1/admin/courses/c1/drafts")
                .then().statusCode(200).body("path", equalTo("/api/v1/admin/courses/c1/drafts"));
        // The wrong staff role is refused by the gateway itself, before any service is asked.
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(author).get("/api/v1/admin/reports/summary"), 403);
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(author).get("/api/v1/admin/enrolments"), 403);
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(author).get("/api/v1/admin/question-statistics"), 403);
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(admin).get("/api/v1/admin/question-bank/c1/qti"), 403);
        given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(admin).get("/api/v1/admin/webhooks")
                .then().statusCode(200).body("path", equalTo("/api/v1/admin/webhooks"));
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(author).get("/api/v1/admin/webhooks"), 403);
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(admin).get("/api/v1/admin/courses/c1/drafts"), 403);
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(admin).post("/api/v1/admin/courses"), 403);
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(admin).get("/api/v1/admin/anything-else"), 403);
        // The cmi5 package is the one course path for either: an admin loads it into their LMS, an author checks it.
        for (String staff : new String[] {admin, author}) {
            given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(staff).get("/api/v1/admin/courses/c1/cmi5")
                    .then().statusCode(200).body("path", equalTo("/api/v1/admin/courses/c1/cmi5"));
        }
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(learner).get("/api/v1/admin/courses/c1/cmi5"), 403);
        assertProblem(given().header("X-Forwarded-For", "203.0.113.80").auth().oauth2(admin).get("/api/v1/admin/courses/c1/cmi5/x"), 403);
    }

    @Test
    void aCmi5LaunchReachesTheProgressServiceWithoutAToken() {
        // The learner's browser, sent by an LMS, carries no Upward token: the service checks the launch itself.
        given().header("X-Forwarded-For", "203.0.113.81").queryParam("endpoint", "https://lms.example/xapi/")
                .get("/api/v1/cmi5/courses/c1/lessons/l1")
                .then().statusCode(200).body("path", equalTo("/api/v1/cmi5/courses/c1/lessons/l1"))
                .body("query", containsString("endpoint="));
    }

    @Test
    void integrationPathsReachTheProgressServiceWithAnIntegrationClientsTokenOnly() {
        // The demo client's own token, as an LMS gets it (from its own address, so no other test's sign-ins count).
        String integration = given().header("X-Forwarded-For", "203.0.113.71").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "acme-lms")
                .formParam("client_secret", "upward-demo-secret")
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        String query = given().auth().oauth2(integration).queryParam("since", "2026-11-02T10:00:00Z").queryParam("size", 50)
                .get("/api/v1/integration/completions")
                .then().statusCode(200)
                .body("method", equalTo("GET"))
                .body("path", equalTo("/api/v1/integration/completions"))
                .body("authorization", equalTo("Bearer " + integration))
                .extract().path("query");
        assertEquals("since=2026-11-02T10:00:00Z&size=50", URLDecoder.decode(query, StandardCharsets.UTF_8));
        given().auth().oauth2(TestTokens.token("globex-lms", "globex", "integration")).get("/api/v1/integration/completions")
                .then().statusCode(200).body("path", equalTo("/api/v1/integration/completions"));

        assertProblem(given().auth().oauth2(learner).get("/api/v1/integration/completions"), 403);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-x", "acme")).get("/api/v1/integration/completions"), 403);
        assertProblem(given().get("/api/v1/integration/completions"), 401);
        // Practice due is assessment's, still for an integration client only.
        // Routed to assessment-service (down in these tests: 503), not to progress-service's stand-in.
        assertProblem(given().auth().oauth2(integration).get("/api/v1/integration/practice-due"), 503);
        assertProblem(given().auth().oauth2(learner).get("/api/v1/integration/practice-due"), 403);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin-x", "acme")).get("/api/v1/integration/practice-due"), 403);
        // An integration client has no learner or admin rights at the edge either.
        assertProblem(given().auth().oauth2(integration).get("/api/v1/admin/reports/summary"), 403);
    }
}
