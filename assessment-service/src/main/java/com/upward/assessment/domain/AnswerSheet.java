package com.upward.assessment.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers saved to an attempt, by question id. Stored (column {@code attempt.answers}) as the JSON object of
 * question id to answer that the column has always held, so rows written before this type existed read unchanged.
 */
public record AnswerSheet(Map<String, Answer> byQuestion) {

    public static final AnswerSheet EMPTY = new AnswerSheet(Map.of());

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AnswerSheet {
        byQuestion = Collections.unmodifiableMap(new LinkedHashMap<>(byQuestion));
    }

    @JsonValue
    @Override
    public Map<String, Answer> byQuestion() {
        return byQuestion;
    }

    /** The answer saved to this question, or {@link Answer#NONE}. */
    public Answer of(String questionId) {
        return byQuestion.getOrDefault(questionId, Answer.NONE);
    }

    public boolean answered(String questionId) {
        return byQuestion.containsKey(questionId);
    }
}
