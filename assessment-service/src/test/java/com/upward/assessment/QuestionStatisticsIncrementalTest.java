package com.upward.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.support.Api;
import com.upward.assessment.support.Bank;
import com.upward.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The running sums give what a batch computation over all first attempts gives, on the final assessment
 * whose questions are drawn at random (so each question is seen by only some attempts).
 */
@QuarkusTest
class QuestionStatisticsIncrementalTest {

    private static final String QUIZ = "final-assessment";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Test
    void incrementalStatisticsEqualABatchComputationOverRandomAttempts() throws Exception {
        String org = "batch-" + UUID.randomUUID();
        Random random = new Random(42);
        List<Map<String, Double>> scoreByQuestion = new ArrayList<>();
        List<Map<Integer, Double>> scoreBySlot = new ArrayList<>();
        for (int learner = 0; learner < 30; learner++) {
            String token = TestTokens.learner("batch-" + learner, org);
            String id = Api.started(token, QUIZ);
            double ability = 0.15 + 0.7 * random.nextDouble();
            List<Map<String, Object>> answers = new ArrayList<>();
            for (String q : Api.questionIds(token, id)) {
                boolean matching = "MATCHING".equals(Bank.question(q).get("type").asText());
                answers.add(matching ? Bank.matching(q, random.nextInt(5))
                        : random.nextDouble() < ability ? Bank.correct(q) : Bank.wrong(q));
            }
            JsonPath result = Api.submit(token, id, answers).then().statusCode(200).extract().jsonPath();
            Map<String, Double> byQuestion = new HashMap<>();
            for (Map<String, Object> q : result.<Map<String, Object>>getList("result.questions")) {
                byQuestion.put((String) q.get("questionId"), ((Number) q.get("score")).doubleValue());
            }
            scoreByQuestion.add(byQuestion);
            Map<Integer, Double> bySlot = new HashMap<>();
            for (JsonNode slot : layout(id)) {
                bySlot.put(slot.get("slot").asInt(), byQuestion.get(slot.get("questionId").asText()));
            }
            scoreBySlot.add(bySlot);
        }

        JsonPath stats = given().auth().oauth2(TestTokens.admin("admin", org))
                .get("/api/v1/admin/question-statistics/" + QUIZ).then().statusCode(200).extract().jsonPath();
        assertEquals(30, stats.getInt("firstAttempts"));

        double[] totals = scoreByQuestion.stream().mapToDouble(m -> m.values().stream().mapToDouble(d -> d).sum()).toArray();
        double slotVariances = 0;
        for (int slot = 1; slot <= 12; slot++) {
            int s = slot;
            slotVariances += variance(scoreBySlot.stream().mapToDouble(m -> m.get(s)).toArray());
        }
        double alpha = 12.0 / 11 * (1 - slotVariances / variance(totals));
        assertEquals(alpha, stats.getDouble("cronbachAlpha"), 0.001);

        for (Map<String, Object> question : stats.<Map<String, Object>>getList("questions")) {
            String id = (String) question.get("questionId");
            List<Double> x = new ArrayList<>();
            List<Double> rest = new ArrayList<>();
            for (int i = 0; i < scoreByQuestion.size(); i++) {
                Double score = scoreByQuestion.get(i).get(id);
                if (score != null) {
                    x.add(score);
                    rest.add(totals[i] - score);
                }
            }
            assertEquals(x.size(), ((Number) question.get("attempts")).intValue(), id);
            assertEquals(100 * x.stream().mapToDouble(d -> d).average().orElseThrow(),
                    ((Number) question.get("facilityIndex")).doubleValue(), 0.01, id);
            Double expected = pearson(x, rest);
            Object actual = question.get("discriminationIndex");
            if (expected == null) {
                assertEquals(null, actual, id);
            } else {
                assertNotNull(actual, id);
                assertEquals(100 * expected, ((Number) actual).doubleValue(), 0.02, id);
            }
        }
    }

    private JsonNode layout(String attemptId) throws Exception {
        String json = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT CAST(layout AS text) FROM attempt WHERE id = CAST(:id AS uuid)")
                .setParameter("id", attemptId).getSingleResult());
        return JSON.readTree(json);
    }

    private static double variance(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        return java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }

    private static Double pearson(List<Double> x, List<Double> y) {
        int n = x.size();
        if (n < 2) {
            return null;
        }
        double mx = x.stream().mapToDouble(d -> d).average().orElseThrow();
        double my = y.stream().mapToDouble(d -> d).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x.get(i) - mx) * (y.get(i) - my);
            sxx += (x.get(i) - mx) * (x.get(i) - mx);
            syy += (y.get(i) - my) * (y.get(i) - my);
        }
        return sxx < 1e-9 || syy < 1e-9 ? null : sxy / Math.sqrt(sxx * syy);
    }
}
