package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the HTTP edge refuses before any rule runs, each as problem+json. */
@QuarkusTest
class EdgeLimitsTest {

    @TestHTTPResource("/")
    URI root;

    private static final String COMPLETION = "/api/v1/courses/how-to-lead-upward/lessons/what-is-leading-upward/completion";

    @Test
    void aWriteThatTakesNoBodyRefusesOne() {
        String learner = TestTokens.learner("edge-learner", "acme");
        Response withFields = given().auth().oauth2(learner).contentType(ContentType.JSON)
                .body(Map.of("score", 100, "passed", true)).post(COMPLETION);
        assertProblem(withFields, 400);
        assertTrue(withFields.jsonPath().getString("detail").contains("takes no body"), withFields.asString());
        given().auth().oauth2(learner).post(COMPLETION).then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    @Test
    void tooLargeATokenIsA431Problem() {
        for (int size : new int[] {20_000, 100_000}) {
            Response response = given().header("Authorization", "Bearer " + "a".repeat(size)).get("/api/v1/courses");
            assertProblem(response, 431);
        }
    }

    @Test
    void tooLongAUriIsA414Problem() {
        Response response = given().auth().oauth2(TestTokens.learner("edge-learner", "acme"))
                .queryParam("q", "x".repeat(5_000)).get("/api/v1/courses/how-to-lead-upward/search");
        assertProblem(response, 414);
    }

    @Test
    void aTargetThatIsNotAUriIsA400Problem() throws Exception {
        // Written on a socket as it is: an HTTP client would refuse to send it.
        String token = TestTokens.learner("edge-learner", "acme");
        for (String target : new String[] {"/api/v1/courses?fuzz=%zz", "/api/v1/courses/how-to-lead-upward?q=%",
                "/api/v1/courses/how%zz-to"}) {
            try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
                socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + token + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), target + ": " + answer);
                assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), answer);
                assertTrue(answer.contains("\"status\":400") && answer.contains("not a valid URI"), answer);
            }
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        // No Content-Length: the body's size shows only while it is read.
        HttpResponse<String> response = sendChunked("edge-chunked-1", "{\"title\":\"" + "x".repeat(256 * 1024) + "\"}");
        assertEquals(413, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response::body);
        assertTrue(response.body().contains("\"status\":413"), response::body);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadAsAnyOther() throws Exception {
        HttpResponse<String> response = sendChunked("edge-chunked-2", "{\"title\":\"Sent in chunks\"}");
        assertEquals(201, response.statusCode(), response::body);
        assertTrue(response.body().contains("Sent in chunks"), response::body);
    }

    @Test
    void textHoldingANulCharacterIsA400NotAFailureAtTheDatabase() {
        Response response = given().auth().oauth2(TestTokens.author("edge-author", "acme")).contentType(ContentType.JSON)
                .body("{\"title\":\"nul\\u0000title\"}").post("/api/v1/admin/courses/edge-nul/draft");
        assertProblem(response, 400);
        assertTrue(response.jsonPath().getString("detail").contains("NUL"), response.asString());
        Response key = given().auth().oauth2(TestTokens.author("edge-author", "acme")).contentType(ContentType.JSON)
                .body("{\"title\":\"ok\",\"summary\":\"ok\",\"attribution\":\"ok\",\"language\":\"en\u0000\"}")
                .post("/api/v1/admin/courses/edge-nul/draft");
        assertProblem(key, 400);
    }

    @Test
    void aBodyHoldingASecondDocumentIsRefusedNotReadInPart() {
        assertProblem(given().auth().oauth2(TestTokens.author("edge-author", "acme")).contentType(ContentType.JSON)
                .body("{\"title\":\"One\"}{\"title\":\"Two\"}").post("/api/v1/admin/courses/edge-two/draft"), 400);
    }

    private HttpResponse<String> sendChunked(String courseId, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/v1/admin/courses/" + courseId + "/draft"))
                .header("Authorization", "Bearer " + TestTokens.author("edge-author", "acme"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSizeThatIsNoNumberIsA400NamingIt() {
        Response response = given().auth().oauth2(TestTokens.learner("edge-learner", "acme")).queryParam("size", "abc")
                .get("/api/v1/courses");
        assertProblem(response, 400);
        assertTrue(response.asString().contains("size"), response.asString());
    }
}
