package com.upward.assessment.domain;

import java.util.List;
import java.util.Map;

/**
 * An answer as the learner sends it, before it is checked against its question: options chosen, or for matching,
 * item id to option id. Either may be null.
 */
public record GivenAnswer(String questionId, List<String> optionIds, Map<String, String> matches) {
}
