package com.upward.assessment;

import com.upward.assessment.bank.BankDocument.Option;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import com.upward.assessment.domain.Leitner;
import com.upward.assessment.domain.PracticeDraw;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The practice schedule and the draw alone, without a database. */
class LeitnerAndDrawTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void passedSetsMoveOutOneBoxAtATimeAndAFailedSetGoesBackToTheFirst() {
        assertEquals(new Leitner.Move(1, NOW.plus(Duration.ofDays(1))), Leitner.enter(Leitner.FIRST, NOW));
        assertEquals(new Leitner.Move(2, NOW.plus(Duration.ofDays(3))), Leitner.after(1, true, NOW));
        assertEquals(new Leitner.Move(3, NOW.plus(Duration.ofDays(7))), Leitner.after(2, true, NOW));
        assertEquals(new Leitner.Move(4, NOW.plus(Duration.ofDays(21))), Leitner.after(3, true, NOW));
        Leitner.Move out = Leitner.after(4, true, NOW);
        assertTrue(out.out());
        assertNull(out.dueAt());
        assertEquals(new Leitner.Move(1, NOW.plus(Duration.ofDays(1))), Leitner.after(4, false, NOW));
        assertEquals(new Leitner.Move(1, NOW.plus(Duration.ofDays(1))), Leitner.after(1, false, NOW));
    }

    @Test
    void aSetHoldsBackTheRecentQuestionsAndFallsBackToTheOldestWhenTheTypeHasTooFew() {
        List<Question> thirteen = questions(13);
        Random random = new Random(3);
        List<String> recent = new ArrayList<>();
        Set<String> seenInThree = new HashSet<>();
        for (int set = 0; set < 3; set++) {
            PracticeDraw.Drawn drawn = PracticeDraw.draw(thirteen, recent, 4, 8, random);
            assertEquals(4, drawn.layout().questionIds().size());
            drawn.layout().questionIds().forEach(id -> assertTrue(!recent.contains(id), id + " was shown in the last two sets"));
            seenInThree.addAll(drawn.layout().questionIds());
            recent.clear();
            recent.addAll(drawn.recent());
            assertTrue(recent.size() <= 8);
        }
        assertEquals(12, seenInThree.size(), "three sets of four, no repeat");

        // Five questions, four shown lately (q1 oldest): the fresh one, then the three shown longest ago.
        PracticeDraw.Drawn drawn = PracticeDraw.draw(questions(5), List.of("q1", "q2", "q3", "q4"), 4, 8, random);
        assertEquals(Set.of("q0", "q1", "q2", "q3"), new HashSet<>(drawn.layout().questionIds()));
        // The one not shown stays the oldest remembered; the set's questions are now the newest.
        assertEquals(List.of("q4", "q0", "q1", "q2", "q3"), drawn.recent());
    }

    private static List<Question> questions(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Question("q" + i, QuestionType.SINGLE_CHOICE, "lesson",
                List.of("EXPERTISE"), "Prompt " + i, List.of(new Option("o" + i + "a", "A", true, "Right"),
                new Option("o" + i + "b", "B", false, "Wrong")), null)).toList();
    }
}
