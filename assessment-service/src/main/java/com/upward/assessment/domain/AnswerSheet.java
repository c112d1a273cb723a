package com.upward.assessment.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import com.upward.platform.web.errors.RuleViolationException;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The answers saved to an attempt, by question id, and the rule that checks each given answer against its
 * question before it is saved or scored. Stored (column {@code attempt.answers}) as the JSON object of
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

    /**
     * These answers with the given ones replacing any for the same questions, after checking each against its
     * question: it must be in the attempt, answered once, and fit the question's type and its options or items.
     *
     * @param questions looks up the bank's questions by id; asked only once every given question is known to be in the attempt
     * @throws RuleViolationException naming the first answer that does not fit
     */
    public AnswerSheet merge(List<GivenAnswer> given, AttemptLayout layout,
                             Function<Collection<String>, Map<String, Question>> questions) {
        Map<String, Answer> merged = new LinkedHashMap<>(byQuestion);
        Set<String> inAttempt = new HashSet<>(layout.questionIds());
        Set<String> seen = new HashSet<>();
        for (GivenAnswer answer : given) {
            if (!inAttempt.contains(answer.questionId())) {
                throw unprocessable("Question '" + answer.questionId() + "' is not part of this attempt.");
            }
            if (!seen.add(answer.questionId())) {
                throw unprocessable("Question '" + answer.questionId() + "' is answered twice.");
            }
        }
        Map<String, Question> byId = questions.apply(seen);
        for (GivenAnswer answer : given) {
            Question q = byId.get(answer.questionId());
            merged.put(q.id(), checked(q, answer));
        }
        return new AnswerSheet(merged);
    }

    /** The given answer as an answer to this question, or a refusal saying why it does not fit. */
    static Answer checked(Question q, GivenAnswer given) {
        List<String> optionIds = given.optionIds() == null ? List.of() : given.optionIds();
        Map<String, String> matches = given.matches() == null ? Map.of() : given.matches();
        String at = "Question '" + q.id() + "': ";
        if (q.type() == QuestionType.MATCHING) {
            if (!optionIds.isEmpty()) {
                throw unprocessable(at + "a matching question is answered with matches (item id to option id), not optionIds.");
            }
            for (Map.Entry<String, String> match : matches.entrySet()) {
                if (q.item(match.getKey()) == null) {
                    throw unprocessable(at + "there is no item '" + match.getKey() + "'.");
                }
                if (q.option(match.getValue()) == null) {
                    throw unprocessable(at + "there is no option '" + match.getValue() + "'.");
                }
            }
            return new Answer(List.of(), new LinkedHashMap<>(matches));
        }
        if (!matches.isEmpty()) {
            throw unprocessable(at + "only matching questions take matches; answer with optionIds.");
        }
        if (new HashSet<>(optionIds).size() != optionIds.size()) {
            throw unprocessable(at + "an option is chosen twice.");
        }
        for (String optionId : optionIds) {
            if (q.option(optionId) == null) {
                throw unprocessable(at + "there is no option '" + optionId + "'.");
            }
        }
        if (q.type().singleAnswer() && optionIds.size() > 1) {
            throw unprocessable(at + "choose one option only.");
        }
        return new Answer(List.copyOf(optionIds), Map.of());
    }

    private static RuleViolationException unprocessable(String detail) {
        return new RuleViolationException("Answer does not fit the attempt", detail);
    }
}
