package com.upward.progress;

import com.upward.platform.events.contract.CoursePublished;
import com.upward.progress.config.ProgressConfig.GradingMethod;
import com.upward.progress.domain.CourseState;
import com.upward.progress.domain.CourseState.Attempt;
import com.upward.progress.domain.CourseStructure;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grading and completion rules on their own: pure functions of the stored facts. */
class CourseStateTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static CourseStructure structure(int passPercent, boolean quizRequired) {
        CourseStructure structure = new CourseStructure();
        structure.courseId = "c";
        structure.version = 1;
        structure.title = "C";
        structure.lessons = List.of(new CoursePublished.Lesson("a", "m", 1, "A", true),
                new CoursePublished.Lesson("b", "m", 2, "B", false));
        structure.quizzes = List.of(new CoursePublished.Quiz("q", "Q", passPercent, quizRequired, List.of()));
        return structure;
    }

    private static Attempt attempt(int number, double percent) {
        return new Attempt("attempt-" + number, "q", number, percent, T0.plusSeconds(60L * number), Map.of());
    }

    private static CourseState state(GradingMethod method, List<Attempt> attempts) {
        return CourseState.of(structure(70, true), Map.of("a", T0), attempts, quiz -> method);
    }

    @Test
    void eachGradingMethodPicksItsAttemptWhateverTheArrivalOrder() {
        List<Attempt> attempts = new ArrayList<>(List.of(attempt(1, 60), attempt(2, 90), attempt(3, 50)));
        for (int shuffle = 0; shuffle < 3; shuffle++) {
            Collections.rotate(attempts, 1);
            assertEquals(90, state(GradingMethod.HIGHEST, attempts).quizzes().get(0).graded().percent());
            assertEquals(50, state(GradingMethod.LATEST, attempts).quizzes().get(0).graded().percent());
            assertEquals(60, state(GradingMethod.FIRST, attempts).quizzes().get(0).graded().percent());
        }
        CourseState highest = state(GradingMethod.HIGHEST, attempts);
        assertTrue(highest.complete());
        assertEquals(T0.plusSeconds(120), highest.completedAt(), "completed when the passing attempt was submitted");
        assertFalse(state(GradingMethod.LATEST, attempts).complete(), "the latest attempt (50%) fails");
        assertFalse(state(GradingMethod.FIRST, attempts).complete(), "the first attempt (60%) fails");
    }

    @Test
    void thePassMarkComesFromTheVersionAndOnlyRequiredItemsCount() {
        Attempt seventyFive = attempt(1, 75);
        assertTrue(CourseState.of(structure(70, true), Map.of("a", T0), List.of(seventyFive), q -> GradingMethod.HIGHEST).complete());
        assertFalse(CourseState.of(structure(80, true), Map.of("a", T0), List.of(seventyFive), q -> GradingMethod.HIGHEST).complete());
        CourseState optionalQuiz = CourseState.of(structure(80, false), Map.of("a", T0), List.of(), q -> GradingMethod.HIGHEST);
        assertTrue(optionalQuiz.complete(), "an optional quiz and an optional lesson are not needed");
        assertEquals(T0, optionalQuiz.completedAt());
        assertEquals(50, optionalQuiz.percent());
        assertEquals("b", optionalQuiz.nextLessonId());
        CourseState nothingDone = CourseState.of(structure(70, true), Map.of(), List.of(), q -> GradingMethod.HIGHEST);
        assertFalse(nothingDone.complete());
        assertNull(nothingDone.score());
        assertEquals("a", nothingDone.nextLessonId());
    }
}
