package com.upward.assessment.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.upward.assessment.bank.BankDocument.Pool;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import com.upward.assessment.bank.BankDocument.Quiz;
import com.upward.assessment.bank.BankValidator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The questions of one attempt in the order shown, each with its slot in the quiz and its shuffled options (and
 * items, for matching). Stored (column {@code attempt.layout}) as the JSON array of its slots, as it always was.
 */
public record AttemptLayout(List<Slot> slots) {

    /** One question's place in an attempt: its slot in the quiz (for statistics) and the shuffled orders. */
    public record Slot(String questionId, int slot, List<String> optionOrder, List<String> itemOrder) {
    }

    /**
     * A new attempt's layout: the quiz's fixed questions, or for a drawn quiz its pools drawn in order, each at random
     * from the candidates testing its type that are not drawn yet (so a question carrying several types is never drawn
     * twice); then the questions' order, and each question's options and items, shuffled.
     *
     * @param candidates the quiz's fixed questions, or for a drawn quiz every question of its course (in id order)
     */
    public static AttemptLayout draw(Quiz quiz, Collection<Question> candidates, Random random) {
        Map<String, Question> byId = new LinkedHashMap<>();
        candidates.forEach(q -> byId.put(q.id(), q));
        List<String> chosen = new ArrayList<>();
        if (quiz.questionIds() != null) {
            chosen.addAll(quiz.questionIds());
        } else {
            Set<String> taken = new HashSet<>();
            for (Pool pool : quiz.pools()) {
                List<String> inPool = new ArrayList<>(byId.values().stream()
                        .filter(q -> BankValidator.inPool(q, pool.powerType()) && !taken.contains(q.id()))
                        .map(Question::id).toList());
                if (inPool.size() < pool.draw()) {
                    throw new IllegalStateException("Pool " + pool.powerType() + " of quiz " + quiz.id() + " is too small");
                }
                Collections.shuffle(inPool, random);
                List<String> drawn = inPool.subList(0, pool.draw());
                taken.addAll(drawn);
                chosen.addAll(drawn);
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Question q = byId.get(chosen.get(i));
            slots.add(new Slot(q.id(), i + 1, shuffled(q.options().stream().map(o -> o.id()).toList(), random),
                    q.type() == QuestionType.MATCHING ? shuffled(q.items().stream().map(item -> item.id()).toList(), random) : null));
        }
        Collections.shuffle(slots, random);
        return new AttemptLayout(slots);
    }

    private static List<String> shuffled(List<String> values, Random random) {
        List<String> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AttemptLayout {
        slots = List.copyOf(slots);
    }

    @JsonValue
    @Override
    public List<Slot> slots() {
        return slots;
    }

    /** The question ids in the order shown. */
    public List<String> questionIds() {
        return slots.stream().map(Slot::questionId).toList();
    }

    /** The quiz slot of each question, in the order shown. */
    public List<Integer> slotNumbers() {
        return slots.stream().map(Slot::slot).toList();
    }
}
