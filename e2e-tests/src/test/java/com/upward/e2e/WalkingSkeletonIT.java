package com.upward.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton through all four packaged services, started by the same launcher as the run
 * command: sign in, read a lesson, complete it, and see it done in progress, which only learns of it
 * through course-service's outbox, Kafka, and progress-service's inbox.
 */
@ExtendWith(Platform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final String COURSE = "/api/v1/courses/how-to-lead-upward";
    private static final String LESSON = COURSE + "/lessons/what-is-leading-upward";
    private static String token;

    @BeforeAll
    static void pointAtTheGateway() {
        RestAssured.baseURI = Platform.stack().gatewayUrl();
    }

    @Test
    @Order(1)
    void aDemoLearnerSignsIn() {
        token = given().contentType(ContentType.JSON)
                .body("{\"username\":\"learner1@acme\",\"password\":\"upward-demo\"}")
                .post("/api/v1/auth/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"))
                .extract().path("access_token");
    }

    @Test
    @Order(2)
    void theLearnerReadsALessonThroughTheGateway() {
        given().auth().oauth2(token).get(LESSON).then().statusCode(200)
                .body("title", equalTo("What is leading upward?"))
                .body("completed", equalTo(false));
    }

    @Test
    @Order(3)
    void theLearnerCompletesItAndProgressShowsItDoneOnce() {
        given().auth().oauth2(token).post(LESSON + "/completion").then().statusCode(200)
                .body("lessonId", equalTo("what-is-leading-upward"));
        given().auth().oauth2(token).post(LESSON + "/completion").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/me/progress").then().statusCode(200)
                        .body("[0].courseId", equalTo("how-to-lead-upward"))
                        .body("[0].lessonsCompleted", equalTo(1))
                        .body("[0].lessons.find { it.lessonId == 'what-is-leading-upward' }.completed", equalTo(true))
                        .body("[0].nextLessonId", equalTo("complications-and-benefits")));
    }

    @Test
    @Order(4)
    void badInputGetsProblemDetails() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"username\":").post("/api/v1/auth/token"), 400);
        assertProblem(given().auth().oauth2(token).get(COURSE + "/lessons/no-such-lesson"), 404);
        assertProblem(given().get(LESSON), 401);
        assertProblem(given().auth().oauth2(forgedToken()).get(LESSON), 401);
    }

    @Test
    @Order(5)
    void everyServiceChecksTheTokenItself() {
        for (String service : new String[] {"course-service", "assessment-service", "progress-service"}) {
            String path = switch (service) {
                case "course-service" -> LESSON;
                case "assessment-service" -> "/api/v1/quizzes/four-types-of-power";
                default -> "/api/v1/me/progress";
            };
            assertProblem(given().baseUri(Platform.stack().serviceUrl(service)).get(path), 401);
            assertProblem(given().baseUri(Platform.stack().serviceUrl(service)).auth().oauth2(forgedToken()).get(path), 401);
            given().baseUri(Platform.stack().serviceUrl(service)).auth().oauth2(token).get(path).then().statusCode(200);
        }
    }

    @Test
    @Order(6)
    void theAssessmentServiceLearnedTheQuizzesFromTheCourseEvent() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/quizzes/four-types-of-power").then().statusCode(200)
                        .body("passPercent", equalTo(80))
                        .body("unlockedBy", hasItem("position-power-penalty")));
    }

    private static void assertProblem(Response response, int status) {
        assertEquals(status, response.statusCode(), response::asString);
        assertTrue(response.contentType().startsWith("application/problem+json"), response::contentType);
        assertEquals(status, response.jsonPath().getInt("status"));
    }

    /** A well-formed RS256 token with the right claims, signed by a key the platform never issued. */
    private static String forgedToken() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            long now = Instant.now().getEpochSecond();
            String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes());
            String claims = base64.encodeToString(("{\"iss\":\"https://upward.local\",\"aud\":\"upward-api\",\"sub\":\"x\","
                    + "\"org\":\"acme\",\"groups\":[\"learner\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}").getBytes());
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(generator.generateKeyPair().getPrivate());
            signature.update((header + "." + claims).getBytes());
            return header + "." + claims + "." + base64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
