package com.upward.course;

import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the HTTP edge refuses before any rule runs, each as problem+json. */
@QuarkusTest
class EdgeLimitsTest {

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
    void aSizeThatIsNoNumberIsA400NamingIt() {
        Response response = given().auth().oauth2(TestTokens.learner("edge-learner", "acme")).queryParam("size", "abc")
                .get("/api/v1/courses");
        assertProblem(response, 400);
        assertTrue(response.asString().contains("size"), response.asString());
    }
}
