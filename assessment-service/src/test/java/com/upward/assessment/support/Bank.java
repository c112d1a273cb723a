package com.upward.assessment.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The question bank file as tests read it, to build right and wrong answers from its keys. */
public final class Bank {

    private static final JsonNode BANK = load();

    public static JsonNode question(String id) {
        for (JsonNode q : BANK.get("questions")) {
            if (q.get("id").asText().equals(id)) {
                return q;
            }
        }
        throw new IllegalArgumentException("No question " + id);
    }

    public static List<String> quizQuestionIds(String quizId) {
        for (JsonNode quiz : BANK.get("quizzes")) {
            if (quiz.get("id").asText().equals(quizId)) {
                List<String> ids = new ArrayList<>();
                quiz.get("questionIds").forEach(id -> ids.add(id.asText()));
                return ids;
            }
        }
        throw new IllegalArgumentException("No quiz " + quizId);
    }

    public static List<String> powerTypes(String questionId) {
        List<String> types = new ArrayList<>();
        question(questionId).get("powerTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    public static String lesson(String questionId) {
        return question(questionId).get("lessonId").asText();
    }

    public static List<String> optionIds(String questionId) {
        List<String> ids = new ArrayList<>();
        question(questionId).get("options").forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }

    /** The full right answer. */
    public static Map<String, Object> correct(String questionId) {
        JsonNode q = question(questionId);
        if (isMatching(q)) {
            return matching(questionId, q.get("items").size());
        }
        return options(questionId, options(q, true));
    }

    /** A wrong answer scoring 0: the wrong options (all of them for multiple response), or every item mismatched. */
    public static Map<String, Object> wrong(String questionId) {
        JsonNode q = question(questionId);
        if (isMatching(q)) {
            return matching(questionId, 0);
        }
        List<String> wrong = options(q, false);
        return options(questionId, "MULTIPLE_RESPONSE".equals(q.get("type").asText()) ? wrong : List.of(wrong.get(0)));
    }

    /** A matching answer with the first {@code right} items matched right and the others to some other option. */
    public static Map<String, Object> matching(String questionId, int right) {
        JsonNode q = question(questionId);
        JsonNode items = q.get("items");
        Map<String, String> matches = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String own = items.get(i).get("correctOptionId").asText();
            String chosen = own;
            if (i >= right) {
                chosen = optionIds(questionId).stream().filter(o -> !o.equals(own)).findFirst().orElseThrow();
            }
            matches.put(items.get(i).get("id").asText(), chosen);
        }
        return Map.of("questionId", questionId, "matches", matches);
    }

    public static Map<String, Object> options(String questionId, List<String> optionIds) {
        return Map.of("questionId", questionId, "optionIds", optionIds);
    }

    private static List<String> options(JsonNode q, boolean correct) {
        List<String> ids = new ArrayList<>();
        q.get("options").forEach(o -> {
            if (o.path("correct").asBoolean(false) == correct) {
                ids.add(o.get("id").asText());
            }
        });
        return ids;
    }

    private static boolean isMatching(JsonNode q) {
        return "MATCHING".equals(q.get("type").asText());
    }

    private static JsonNode load() {
        try (InputStream in = Bank.class.getClassLoader().getResourceAsStream("question-bank/how-to-lead-upward.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Bank() {
    }
}
