package com.upward.assessment.domain;

import java.util.List;
import java.util.Map;

/** A learner's answer to one question: options chosen, or for matching, item id to option id. */
public record Answer(List<String> optionIds, Map<String, String> matches) {

    public static final Answer NONE = new Answer(List.of(), Map.of());

    public boolean blank() {
        return optionIds.isEmpty() && matches.isEmpty();
    }
}
