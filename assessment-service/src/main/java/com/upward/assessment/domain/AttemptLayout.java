package com.upward.assessment.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * The questions of one attempt in the order shown, each with its slot in the quiz and its shuffled options (and
 * items, for matching). Stored (column {@code attempt.layout}) as the JSON array of its slots, as it always was.
 */
public record AttemptLayout(List<Slot> slots) {

    /** One question's place in an attempt: its slot in the quiz (for statistics) and the shuffled orders. */
    public record Slot(String questionId, int slot, List<String> optionOrder, List<String> itemOrder) {
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
