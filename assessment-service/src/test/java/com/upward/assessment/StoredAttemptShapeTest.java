package com.upward.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.rest.AttemptViews;
import com.upward.assessment.support.Api;
import com.upward.assessment.support.Bank;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attempt's JSON columns keep their shape now that they hold domain records written by Hibernate: a new row
 * looks as rows always looked (the result as the API's {@code AttemptViews.Result}, which the column held before),
 * and a row written in that old shape reads, shows and scores unchanged. So no migration was needed.
 */
@QuarkusTest
class StoredAttemptShapeTest {

    private static final String QUIZ = "four-types-of-power";

    @Inject
    EntityManager entityManager;

    /** The application's mapper: the one the attempt service wrote these columns with before Hibernate did. */
    @Inject
    ObjectMapper mapper;

    @Test
    void aNewAttemptIsStoredInTheShapeTheColumnsAlwaysHad() throws Exception {
        String token = TestTokens.learner("shape-new-" + UUID.randomUUID(), "shape-" + UUID.randomUUID());
        String id = Api.started(token, QUIZ);
        List<String> shown = Api.questionIds(token, id);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (String q : shown) {
            if (!q.equals("q-penalty-2")) { // one left unanswered
                answers.add(q.equals("q-match-1") ? Bank.matching(q, 2) : q.equals("q-role-1") ? Bank.wrong(q) : Bank.correct(q));
            }
        }
        Response submitted = Api.submit(token, id, answers);
        submitted.then().statusCode(200);

        JsonNode layout = stored(id, "layout");
        assertTrue(layout.isArray());
        List<String> layoutIds = new ArrayList<>();
        for (JsonNode slot : layout) {
            layoutIds.add(slot.get("questionId").asText());
            List<String> fields = new ArrayList<>();
            slot.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("questionId", "slot", "optionOrder", "itemOrder"), Set.copyOf(fields));
        }
        assertEquals(shown, layoutIds, "the layout is the array of slots in the order shown");

        JsonNode storedAnswers = stored(id, "answers");
        assertEquals(Set.of("optionIds", "matches"), fieldNames(storedAnswers.get("q-role-1")));
        assertEquals(Set.of("optionIds", "matches"), fieldNames(storedAnswers.get("q-match-1")));
        assertEquals(4, storedAnswers.get("q-match-1").get("matches").size());
        assertFalse(storedAnswers.has("q-penalty-2"), "an unanswered question has no saved answer");

        // The result is stored exactly as the API shows it after submission: the shape of AttemptViews.Result.
        assertEquals(mapper.readTree(submitted.asString()).get("result"), stored(id, "result"));
    }

    @Test
    void anAttemptStoredInTheOldShapeReadsAndScoresUnchanged() throws Exception {
        String org = "shape-old-" + UUID.randomUUID();
        String learner = "shape-old-" + UUID.randomUUID();
        String token = TestTokens.learner(learner, org);
        List<String> roleOptions = Bank.optionIds("q-role-1");
        List<String> matchOptions = Bank.optionIds("q-match-1");
        List<String> items = new ArrayList<>();
        Bank.question("q-match-1").get("items").forEach(item -> items.add(item.get("id").asText()));
        String layout = mapper.writeValueAsString(List.of(
                Map.of("questionId", "q-match-1", "slot", 12, "optionOrder", matchOptions, "itemOrder", items),
                mapOf("questionId", "q-role-1", "slot", 1, "optionOrder", roleOptions, "itemOrder", null)));
        Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);

        // A scored row (score 1.25 of 2, 62.5 %), its result written as the service wrote it before: the API record
        // through the application's mapper.
        Instant submittedAt = started.plusSeconds(60);
        AttemptViews.Result old = new AttemptViews.Result(1.25, 2, 62.5, 80, false,
                Map.of(PowerType.ROLE, new AttemptViews.PowerScore(1.25, 2, 62.5, false)), List.of("power-and-leading-upward"),
                List.of(new AttemptViews.QuestionResult("q-match-1", 1, "MATCHING", "Match them", "power-and-leading-upward",
                                List.of("ROLE"), 0.25, 1, "PARTIAL", null, null, List.of(new AttemptViews.MatchFeedback(
                                        items.get(0), "An item", null, matchOptions.get(0), false, "Because"))),
                        new AttemptViews.QuestionResult("q-role-1", 2, "SINGLE_CHOICE", "Which?", "position-power-role",
                                List.of("ROLE"), 1, 1, "CORRECT", List.of(new AttemptViews.OptionFeedback(roleOptions.get(0), "A", true, "Yes")),
                                List.of(new AttemptViews.OptionFeedback(roleOptions.get(0), "A", true, "Yes")), null)),
                submittedAt);
        UUID scored = UUID.randomUUID();
        insert(scored, org, learner, 1, "SCORED", started, layout,
                "{\"q-role-1\":{\"optionIds\":[\"" + roleOptions.get(0) + "\"],\"matches\":{}}}",
                submittedAt, mapper.writeValueAsString(old));

        Response read = Api.get(token, scored.toString());
        read.then().statusCode(200).body("status", equalTo("SCORED"))
                .body("questions.id", equalTo(List.of("q-match-1", "q-role-1")))
                .body("savedAnswers[0].questionId", equalTo("q-role-1"))
                .body("savedAnswers[0].optionIds", equalTo(List.of(roleOptions.get(0))));
        assertEquals(mapper.readTree(mapper.writeValueAsString(old)), mapper.readTree(read.asString()).get("result"));

        // An open row with answers saved in the old shape: shown, then scored over those saved answers.
        UUID open = UUID.randomUUID();
        insert(open, org, learner, 2, "IN_PROGRESS", started, layout, mapper.writeValueAsString(Map.of("q-role-1",
                Map.of("optionIds", Bank.correct("q-role-1").get("optionIds"), "matches", Map.of()))), null, null);
        Api.get(token, open.toString()).then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("savedAnswers[0].questionId", equalTo("q-role-1"));
        Api.submit(token, open.toString(), List.of(Bank.matching("q-match-1", 4))).then().statusCode(200)
                .body("status", equalTo("SCORED")).body("result.score", equalTo(2.0f)).body("result.maxScore", equalTo(2.0f))
                .body("result.questions.find { it.questionId == 'q-role-1' }.outcome", equalTo("CORRECT"));
    }

    private void insert(UUID id, String org, String learner, int number, String status, Instant startedAt, String layout,
                        String answers, Instant submittedAt, String result) {
        boolean scored = submittedAt != null;
        QuarkusTransaction.requiringNew().run(() -> {
            var insert = entityManager.createNativeQuery("""
                            INSERT INTO attempt (id, quiz_id, course_id, org_id, learner_id, attempt_number, status, started_at,
                                layout, answers""" + (scored ? ", submitted_at, result, score, max_score, percent, passed" : "") + """
                            ) VALUES (:id, :quiz, 'how-to-lead-upward', :org, :learner, :number, :status, :started,
                                CAST(:layout AS jsonb), CAST(:answers AS jsonb)"""
                            + (scored ? ", :submitted, CAST(:result AS jsonb), 1.25, 2, 62.5, false" : "") + ")")
                    .setParameter("id", id).setParameter("quiz", QUIZ).setParameter("org", org).setParameter("learner", learner)
                    .setParameter("number", number).setParameter("status", status).setParameter("started", startedAt)
                    .setParameter("layout", layout).setParameter("answers", answers);
            if (scored) {
                insert.setParameter("submitted", submittedAt).setParameter("result", result);
            }
            insert.executeUpdate();
        });
    }

    private JsonNode stored(String attemptId, String column) throws Exception {
        String json = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "SELECT CAST(" + column + " AS text) FROM attempt WHERE id = :id")
                .setParameter("id", UUID.fromString(attemptId)).getSingleResult());
        return mapper.readTree(json);
    }

    private static Set<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
