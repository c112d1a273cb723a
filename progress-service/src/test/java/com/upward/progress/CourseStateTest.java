package com.upward.progress;

import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.QuizAttemptScored.GradingMethod;
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

    /** Attempt n, graded by attempt gradedBy (its number) under method. */
    private static Attempt attempt(int number, double percent, GradingMethod method, int gradedBy) {
        return new Attempt("attempt-" + number, "q", number, percent, T0.plusSeconds(60L * number), Map.of(),
                method, "attempt-" + gradedBy);
    }

    private static Attempt attempt(int number, double percent) {
        return attempt(number, percent, GradingMethod.HIGHEST, number);
    }

    private static CourseState state(List<Attempt> attempts) {
        return CourseState.of(structure(70, true), Map.of("a", T0), attempts);
    }

    @Test
    void theGradeIsTheAttemptAssessmentNamedAfterTheLatestWhateverTheArrivalOrder() {
        List<Attempt> highest = new ArrayList<>(List.of(attempt(1, 60), attempt(2, 90, GradingMethod.HIGHEST, 2),
                attempt(3, 50, GradingMethod.HIGHEST, 2)));
        List<Attempt> last = new ArrayList<>(List.of(attempt(1, 60, GradingMethod.LAST, 1),
                attempt(2, 90, GradingMethod.LAST, 2), attempt(3, 50, GradingMethod.LAST, 3)));
        for (int shuffle = 0; shuffle < 3; shuffle++) {
            Collections.rotate(highest, 1);
            Collections.rotate(last, 1);
            assertEquals(90, state(highest).quizzes().get(0).graded().percent());
            assertEquals(GradingMethod.HIGHEST, state(highest).quizzes().get(0).method());
            assertEquals(50, state(last).quizzes().get(0).graded().percent());
            assertEquals(GradingMethod.LAST, state(last).quizzes().get(0).method());
        }
        assertTrue(state(highest).complete());
        assertEquals(T0.plusSeconds(120), state(highest).completedAt(), "completed when the passing attempt was submitted");
        assertFalse(state(last).complete(), "the latest attempt (50%) fails");
        List<Attempt> passedAgain = List.of(attempt(1, 90, GradingMethod.LAST, 1), attempt(2, 50, GradingMethod.LAST, 2),
                attempt(3, 80, GradingMethod.LAST, 3));
        assertEquals(T0.plusSeconds(180), state(passedAgain).completedAt(), "passed again by the third attempt");
        assertNull(state(List.of()).quizzes().get(0).method(), "no grade before any attempt");
    }

    @Test
    void thePassMarkComesFromTheVersionAndOnlyRequiredItemsCount() {
        Attempt seventyFive = attempt(1, 75);
        assertTrue(CourseState.of(structure(70, true), Map.of("a", T0), List.of(seventyFive)).complete());
        assertFalse(CourseState.of(structure(80, true), Map.of("a", T0), List.of(seventyFive)).complete());
        CourseState optionalQuiz = CourseState.of(structure(80, false), Map.of("a", T0), List.of());
        assertTrue(optionalQuiz.complete(), "an optional quiz and an optional lesson are not needed");
        assertEquals(T0, optionalQuiz.completedAt());
        assertEquals(50, optionalQuiz.percent());
        assertEquals("b", optionalQuiz.nextLessonId());
        CourseState nothingDone = CourseState.of(structure(70, true), Map.of(), List.of());
        assertFalse(nothingDone.complete());
        assertNull(nothingDone.score());
        assertEquals("a", nothingDone.nextLessonId());
    }

    @Test
    void theAttemptsThatCountAreOnePerQuizTheOneItsLatestAttemptNames() {
        List<Attempt> attempts = List.of(attempt(1, 60), attempt(2, 90, GradingMethod.HIGHEST, 2),
                attempt(3, 50, GradingMethod.HIGHEST, 2),
                new Attempt("other-1", "other", 1, 40, T0, Map.of(), GradingMethod.LAST, "other-1"),
                new Attempt("other-2", "other", 2, 30, T0.plusSeconds(5), Map.of(), GradingMethod.LAST, "not-stored-yet"));
        assertEquals(java.util.Set.of("attempt-2", "other-2"), CourseState.countingAttemptIds(attempts),
                "attempt 3 names attempt 2; an attempt naming one not stored counts itself");
        assertEquals(java.util.Set.of(), CourseState.countingAttemptIds(List.of()));
    }
}
