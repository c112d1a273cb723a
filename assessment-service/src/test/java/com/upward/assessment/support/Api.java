package com.upward.assessment.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Short calls to the learner API, as a portal would make them. */
public final class Api {

    public static Response start(String token, String quizId) {
        return given().auth().oauth2(token).post("/api/v1/quizzes/" + quizId + "/attempts");
    }

    public static Response get(String token, String attemptId) {
        return given().auth().oauth2(token).get("/api/v1/attempts/" + attemptId);
    }

    public static Response submit(String token, String attemptId, List<Map<String, Object>> answers) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("answers", answers))
                .post("/api/v1/attempts/" + attemptId + "/submission");
    }

    public static Response save(String token, String attemptId, List<Map<String, Object>> answers) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("answers", answers))
                .put("/api/v1/attempts/" + attemptId + "/answers");
    }

    /** Starts an attempt (201) and returns its id. */
    public static String started(String token, String quizId) {
        return start(token, quizId).then().statusCode(201).extract().path("id");
    }

    /** The question ids of an attempt, in the order shown. */
    public static List<String> questionIds(String token, String attemptId) {
        return get(token, attemptId).then().statusCode(200).extract().jsonPath().getList("questions.id", String.class);
    }

    private Api() {
    }
}
