package com.upward.assessment;

import com.upward.assessment.support.Api;
import com.upward.assessment.support.Bank;
import com.upward.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.upward.platform.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A worked example, computed by hand. Five learners take "four-types-of-power" (12 one-point questions) for
 * the first time and get everything wrong except:
 * <pre>
 *             A = q-power-1   B = q-role-1   C = q-match-1 (items right / 4)   total T
 *   learner 1       1              1              1    (4/4)                  3
 *   learner 2       1              0              0.5  (2/4)                  1.5
 *   learner 3       0              1              0.5  (2/4)                  1.5
 *   learner 4       1              1              0.25 (1/4)                  2.25
 *   learner 5       0              0              0    (0/4)                  0
 * </pre>
 * Facility = mean: A 3/5 = 60 %, B 60 %, C 2.25/5 = 45 %; every other question 0 %.
 * Sample variances (n - 1 = 4): A: 3(.4²) + 2(.6²) = 1.2 → .3; B the same .3;
 * C: .55² + .05² + .05² + .2² + .45² = .55 → .1375; T: mean 1.65, 1.35² + .15² + .15² + .6² + 1.65² = 4.95 → 1.2375.
 * Cronbach's alpha = k/(k-1) (1 - Σ item variances / variance of T) = 12/11 (1 - .7375/1.2375) = 0.4408 (44.08 %).
 * Discrimination of A: rest R = T - A = 2, .5, 1.5, 1.25, 0 (mean 1.05);
 * Sxr = .4(.95) + .4(-.55) - .6(.45) + .4(.2) - .6(-1.05) = .6; Sxx = 1.2; Srr = .95² + .55² + .45² + .2² + 1.05² = 2.55;
 * r = .6 / √(1.2 × 2.55) = .3430 → 34.30 %. B by symmetry 34.30 %. C: R = 2, 1, 1, 2, 0 (mean 1.2),
 * Sxr = .55(.8) + .05(-.2) + .05(-.2) - .2(.8) - .45(-1.2) = .8, Srr = .64 + .04 + .04 + .64 + 1.44 = 2.8,
 * r = .8 / √(.55 × 2.8) = .6447 → 64.47 %. Mean = 100 × 1.65 / 12 = 13.75 %.
 */
@QuarkusTest
class QuestionStatisticsTest {

    private static final String QUIZ = "four-types-of-power";

    @Test
    void statisticsOverFirstAttemptsMatchTheWorkedExample() {
        String org = "stats-" + UUID.randomUUID();
        int[] a = {1, 1, 0, 1, 0};
        int[] b = {1, 0, 1, 1, 0};
        int[] cItemsRight = {4, 2, 2, 1, 0};
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String token = TestTokens.learner("stats-learner-" + i + "-" + UUID.randomUUID(), org);
            learners.add(token);
            List<Map<String, Object>> answers = new ArrayList<>();
            for (String q : Bank.quizQuestionIds(QUIZ)) {
                answers.add(switch (q) {
                    case "q-power-1" -> a[i] == 1 ? Bank.correct(q) : Bank.wrong(q);
                    case "q-role-1" -> b[i] == 1 ? Bank.correct(q) : Bank.wrong(q);
                    case "q-match-1" -> Bank.matching(q, cItemsRight[i]);
                    default -> Bank.wrong(q);
                });
            }
            Api.submit(token, Api.started(token, QUIZ), answers).then().statusCode(200);
        }
        // A second attempt (all right) is not a first attempt: it changes nothing below.
        String again = Api.started(learners.get(4), QUIZ);
        Api.submit(learners.get(4), again, Bank.quizQuestionIds(QUIZ).stream().map(Bank::correct).toList()).then().statusCode(200);

        JsonPath stats = given().auth().oauth2(TestTokens.admin("admin-" + org, org))
                .get("/api/v1/admin/question-statistics/" + QUIZ).then().statusCode(200)
                .body("firstAttempts", equalTo(5)).body("slots", equalTo(12)).body("questions", hasSize(12))
                .extract().jsonPath();
        assertEquals(13.75, stats.getDouble("meanPercent"), 0.005);
        assertEquals(0.4408, stats.getDouble("cronbachAlpha"), 0.00005);
        assertEquals(44.08, stats.getDouble("internalConsistencyPercent"), 0.005);
        assertEquals(60.0, question(stats, "q-power-1", "facilityIndex"), 0.005);
        assertEquals(34.30, question(stats, "q-power-1", "discriminationIndex"), 0.005);
        assertEquals(60.0, question(stats, "q-role-1", "facilityIndex"), 0.005);
        assertEquals(34.30, question(stats, "q-role-1", "discriminationIndex"), 0.005);
        assertEquals(45.0, question(stats, "q-match-1", "facilityIndex"), 0.005);
        assertEquals(64.47, question(stats, "q-match-1", "discriminationIndex"), 0.005);
        assertEquals(54.77, question(stats, "q-power-1", "standardDeviationPercent"), 0.005); // 100 √.3
        assertEquals(0.0, question(stats, "q-role-3", "facilityIndex"), 0.005);
        assertNull(stats.get("questions.find { it.questionId == 'q-role-3' }.discriminationIndex"),
                "no spread, no correlation");
    }

    @Test
    void anAdminSeesOnlyTheirOwnOrganisation() {
        String org = "lonely-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin("admin-" + org, org)).get("/api/v1/admin/question-statistics/" + QUIZ)
                .then().statusCode(200).body("orgId", equalTo(org)).body("firstAttempts", equalTo(0))
                .body("questions", hasSize(0)).body("cronbachAlpha", equalTo(null));
    }

    @Test
    void learnersUnknownQuizzesAndBadIdsAreRefused() {
        assertProblem(given().auth().oauth2(TestTokens.learner("curious", "acme"))
                .get("/api/v1/admin/question-statistics/" + QUIZ), 403);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin", "acme"))
                .get("/api/v1/admin/question-statistics/no-such-quiz"), 404);
        assertProblem(given().auth().oauth2(TestTokens.admin("admin", "acme"))
                .get("/api/v1/admin/question-statistics/Bad_Id"), 400);
    }

    private static double question(JsonPath stats, String questionId, String field) {
        return ((Number) stats.get("questions.find { it.questionId == '" + questionId + "' }." + field)).doubleValue();
    }
}
