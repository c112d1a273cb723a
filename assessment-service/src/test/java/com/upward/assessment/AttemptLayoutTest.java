package com.upward.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.bank.BankDocument;
import com.upward.assessment.bank.BankDocument.Pool;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import com.upward.assessment.bank.BankDocument.Quiz;
import com.upward.assessment.bank.BankValidator;
import com.upward.assessment.domain.AttemptLayout;
import com.upward.assessment.domain.AttemptLayout.Slot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attempt layout alone, over the real bank: what each slot means, which the statistics rely on. */
class AttemptLayoutTest {

    private static final BankDocument BANK = load();
    private static final Map<String, Question> QUESTIONS = BANK.questions().stream()
            .collect(Collectors.toMap(Question::id, Function.identity()));

    @Test
    void aDrawnQuizFillsItsSlotsPoolByPoolWithoutRepeats() {
        Quiz quiz = quiz("final-assessment");
        Random random = new Random(17);
        for (int run = 0; run < 200; run++) {
            AttemptLayout layout = AttemptLayout.draw(quiz, BANK.questions(), random);
            assertEquals(quiz.questionCount(), new HashSet<>(layout.questionIds()).size(), "no question drawn twice");
            assertEquals(Set.copyOf(range(quiz.questionCount())), Set.copyOf(layout.slotNumbers()), "each slot once");
            for (Slot slot : layout.slots()) {
                // Slots 1-2 are the first pool's draws, 3-4 the second's, and so on.
                assertTrue(BankValidator.inPool(QUESTIONS.get(slot.questionId()), poolOf(quiz, slot.slot()).powerType()),
                        slot + " is from its pool");
                assertShuffledFrom(QUESTIONS.get(slot.questionId()), slot);
            }
        }
    }

    @Test
    void aFixedQuizKeepsItsQuestionsInTheirSlotsInAShuffledOrder() {
        Quiz quiz = quiz("four-types-of-power");
        List<Question> candidates = quiz.questionIds().stream().map(QUESTIONS::get).toList();
        Set<List<String>> orders = new HashSet<>();
        Random random = new Random(17);
        for (int run = 0; run < 20; run++) {
            AttemptLayout layout = AttemptLayout.draw(quiz, candidates, random);
            orders.add(layout.questionIds());
            for (Slot slot : layout.slots()) {
                assertEquals(quiz.questionIds().get(slot.slot() - 1), slot.questionId(), "a slot is a place in the quiz");
                assertShuffledFrom(QUESTIONS.get(slot.questionId()), slot);
            }
        }
        assertTrue(orders.size() > 1, "the order is shuffled");
    }

    private static void assertShuffledFrom(Question q, Slot slot) {
        assertEquals(Set.copyOf(q.options().stream().map(BankDocument.Option::id).toList()), Set.copyOf(slot.optionOrder()));
        assertEquals(q.options().size(), slot.optionOrder().size());
        if (q.type() == QuestionType.MATCHING) {
            assertEquals(Set.copyOf(q.items().stream().map(BankDocument.Item::id).toList()), Set.copyOf(slot.itemOrder()));
        } else {
            assertNull(slot.itemOrder());
        }
    }

    private static Pool poolOf(Quiz quiz, int slot) {
        int end = 0;
        for (Pool pool : quiz.pools()) {
            end += pool.draw();
            if (slot <= end) {
                return pool;
            }
        }
        throw new IllegalArgumentException("slot " + slot);
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }

    private static Quiz quiz(String id) {
        return BANK.quizzes().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    private static BankDocument load() {
        try (InputStream in = AttemptLayoutTest.class.getClassLoader().getResourceAsStream("question-bank/how-to-lead-upward.json")) {
            return new ObjectMapper().readValue(in, BankDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
