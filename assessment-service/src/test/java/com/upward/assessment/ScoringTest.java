package com.upward.assessment;

import com.upward.assessment.bank.BankDocument.Item;
import com.upward.assessment.bank.BankDocument.Option;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import com.upward.assessment.domain.Answer;
import com.upward.assessment.domain.ScoredResult.PowerScore;
import com.upward.assessment.domain.Scoring;
import com.upward.platform.events.contract.PowerType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented scoring rules, question type by question type. */
class ScoringTest {

    // Three right options (a, b, c) and two wrong ones (d, e).
    private static final Question MULTIPLE = new Question("mr", QuestionType.MULTIPLE_RESPONSE, "l", List.of("ROLE"), "?",
            List.of(option("a", true), option("b", true), option("c", true), option("d", false), option("e", false)), null);

    private static final Question SINGLE = new Question("sc", QuestionType.SINGLE_CHOICE, "l", List.of("PENALTY"), "?",
            List.of(option("a", true), option("b", false), option("c", false)), null);

    private static final Question MATCHING = new Question("m", QuestionType.MATCHING, "l", List.of(), "?",
            List.of(new Option("x", "X", null, null), new Option("y", "Y", null, null), new Option("z", "Z", null, null),
                    new Option("w", "W", null, null)),
            List.of(new Item("i1", "1", "x", "f"), new Item("i2", "2", "y", "f"), new Item("i3", "3", "z", "f"),
                    new Item("i4", "4", "w", "f")));

    @Test
    void multipleResponseEarnsEachRightChoiceMinusEachWrongOneFlooredAtZero() {
        assertEquals(1.0, score(MULTIPLE, "a", "b", "c"), 1e-9);
        assertEquals(2.0 / 3, score(MULTIPLE, "a", "b"), 1e-9);
        assertEquals(1.0 / 3, score(MULTIPLE, "a", "b", "d"), 1e-9);          // (2 - 1) / 3
        assertEquals(1.0 / 3, score(MULTIPLE, "a", "b", "c", "d", "e"), 1e-9); // ticking everything: (3 - 2) / 3
        assertEquals(0.0, score(MULTIPLE, "a", "d", "e"), 1e-9);               // (1 - 2) / 3 floored at 0
        assertEquals(0.0, score(MULTIPLE, "d"), 1e-9);
        assertEquals(0.0, score(MULTIPLE), 1e-9);
    }

    @Test
    void singleAnswerQuestionsAreAllOrNothing() {
        assertEquals(1.0, score(SINGLE, "a"), 1e-9);
        assertEquals(0.0, score(SINGLE, "b"), 1e-9);
        assertEquals(0.0, score(SINGLE), 1e-9);
    }

    @Test
    void matchingEarnsTheFractionOfItemsMatchedRight() {
        assertEquals(1.0, Scoring.score(MATCHING, new Answer(List.of(), Map.of("i1", "x", "i2", "y", "i3", "z", "i4", "w"))), 1e-9);
        assertEquals(0.5, Scoring.score(MATCHING, new Answer(List.of(), Map.of("i1", "x", "i2", "y", "i3", "w", "i4", "z"))), 1e-9);
        assertEquals(0.25, Scoring.score(MATCHING, new Answer(List.of(), Map.of("i1", "x"))), 1e-9);
        assertEquals(0.0, Scoring.score(MATCHING, Answer.NONE), 1e-9);
    }

    @Test
    void aPowerTypeIsMasteredFromEightyPercentOfItsPoints() {
        Question role = new Question("r", QuestionType.SINGLE_CHOICE, "l", List.of("ROLE"), "?", SINGLE.options(), null);
        Question both = new Question("b", QuestionType.SINGLE_CHOICE, "l", List.of("ROLE", "PENALTY"), "?", SINGLE.options(), null);
        // ROLE: 1 + 1 + 1 + 0.2 + 1 = 4.2 of 5 = 84% -> mastered; PENALTY: only the shared question, 1 of 1.
        Map<PowerType, PowerScore> scores = Scoring.byPowerType(List.of(role, role, role, role, both),
                List.of(1.0, 1.0, 1.0, 0.2, 1.0), 80);
        assertEquals(new PowerScore(4.2, 5, 84.0, true), scores.get(PowerType.ROLE));
        assertEquals(new PowerScore(1.0, 1, 100.0, true), scores.get(PowerType.PENALTY));
        assertFalse(scores.containsKey(PowerType.REPUTATION), "types the attempt does not test are left out");
        // Exactly 80% counts as mastered; just below does not.
        assertTrue(Scoring.byPowerType(List.of(role, role, role, role, role), List.of(1.0, 1.0, 1.0, 1.0, 0.0), 80)
                .get(PowerType.ROLE).mastered());
        assertFalse(Scoring.byPowerType(List.of(role, role, role, role, role), List.of(1.0, 1.0, 1.0, 0.99, 0.0), 80)
                .get(PowerType.ROLE).mastered());
    }

    private static double score(Question question, String... optionIds) {
        return Scoring.score(question, new Answer(List.of(optionIds), Map.of()));
    }

    private static Option option(String id, boolean correct) {
        return new Option(id, id.toUpperCase(), correct, "because " + id);
    }
}
