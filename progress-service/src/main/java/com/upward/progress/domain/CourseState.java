package com.upward.progress.domain;

import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.QuizAttemptScored.PowerScore;
import com.upward.progress.config.ProgressConfig.GradingMethod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A learner's state in one course version, computed from the stored facts only (lessons done, scored
 * attempts) and the version's structure. Pure, so the same facts in any order give the same state.
 */
public record CourseState(List<LessonProgress> lessons, int lessonsDone, int percent, String nextLessonId,
                          boolean requiredLessonsDone, List<QuizResult> quizzes, boolean requiredQuizzesPassed,
                          Double score, Double bestScore, Instant completedAt,
                          Map<PowerType, PowerTotal> byPowerType) {

    public record Attempt(String attemptId, String quizId, int attemptNumber, double percent, Instant submittedAt,
                          Map<PowerType, PowerScore> byPowerType) {
    }

    public record LessonProgress(CoursePublished.Lesson lesson, Instant completedAt) {
        public boolean completed() {
            return completedAt != null;
        }
    }

    /** One quiz's result under its grading method; passed compares the graded percent with the version's pass mark. */
    public record QuizResult(CoursePublished.Quiz quiz, GradingMethod method, int attempts, Attempt graded,
                             boolean passed, Instant passedAt) {
    }

    public record PowerTotal(double correct, int total, boolean mastered) {
    }

    /** Complete: every required lesson done and every required quiz passed. */
    public boolean complete() {
        return requiredLessonsDone && requiredQuizzesPassed;
    }

    public static CourseState of(CourseStructure structure, Map<String, Instant> lessonsDone, List<Attempt> attempts,
                                 Function<String, GradingMethod> methods) {
        List<LessonProgress> lessons = structure.lessons.stream()
                .sorted(Comparator.comparingInt(CoursePublished.Lesson::position))
                .map(lesson -> new LessonProgress(lesson, lessonsDone.get(lesson.id())))
                .toList();
        int done = (int) lessons.stream().filter(LessonProgress::completed).count();
        int percent = lessons.isEmpty() ? 0 : (int) Math.floor(100.0 * done / lessons.size());
        String next = lessons.stream().filter(l -> !l.completed()).map(l -> l.lesson().id()).findFirst().orElse(null);
        List<LessonProgress> required = lessons.stream().filter(l -> l.lesson().required()).toList();
        boolean requiredDone = required.stream().allMatch(LessonProgress::completed);

        List<QuizResult> quizzes = structure.quizzes.stream()
                .map(quiz -> grade(quiz, methods.apply(quiz.id()),
                        attempts.stream().filter(a -> a.quizId().equals(quiz.id())).toList()))
                .toList();
        List<QuizResult> requiredQuizzes = quizzes.stream().filter(q -> q.quiz().required()).toList();
        boolean quizzesPassed = requiredQuizzes.stream().allMatch(QuizResult::passed);

        List<Double> graded = quizzes.stream().filter(q -> q.graded() != null).map(q -> q.graded().percent()).toList();
        Double score = graded.isEmpty() ? null : round(graded.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        Double best = graded.isEmpty() ? null : graded.stream().mapToDouble(Double::doubleValue).max().orElseThrow();

        // Completed when the last requirement was met: taken from the events' own times, so a replay agrees.
        Instant completedAt = null;
        if (requiredDone && quizzesPassed) {
            completedAt = required.stream().map(LessonProgress::completedAt)
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            for (QuizResult quiz : requiredQuizzes) {
                if (completedAt == null || quiz.passedAt().isAfter(completedAt)) {
                    completedAt = quiz.passedAt();
                }
            }
            if (completedAt == null) {
                // Nothing is required: the course is complete once the learner did anything at all.
                completedAt = lessons.stream().map(LessonProgress::completedAt).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .orElse(attempts.stream().map(Attempt::submittedAt).min(Comparator.naturalOrder()).orElse(null));
            }
        }
        return new CourseState(lessons, done, percent, next, requiredDone, quizzes, quizzesPassed, score, best,
                completedAt, powerTotals(quizzes));
    }

    /** The final percent of a completion: the mean graded quiz percent, or the lesson percent when there are no quizzes. */
    public double finalPercent() {
        return score != null ? score : percent;
    }

    static QuizResult grade(CoursePublished.Quiz quiz, GradingMethod method, List<Attempt> attempts) {
        Comparator<Attempt> inOrder = Comparator.comparingInt(Attempt::attemptNumber)
                .thenComparing(Attempt::submittedAt).thenComparing(Attempt::attemptId);
        List<Attempt> ordered = new ArrayList<>(attempts);
        ordered.sort(inOrder);
        Optional<Attempt> graded = switch (method) {
            // Ties go to the earlier attempt, so the choice does not depend on arrival order.
            case HIGHEST -> ordered.stream().reduce((best, next) -> next.percent() > best.percent() ? next : best);
            case LATEST -> ordered.stream().reduce((first, second) -> second);
            case FIRST -> ordered.stream().findFirst();
        };
        boolean passed = graded.map(a -> a.percent() >= quiz.passPercent()).orElse(false);
        Instant passedAt = null;
        if (passed) {
            passedAt = method == GradingMethod.HIGHEST
                    ? ordered.stream().filter(a -> a.percent() >= quiz.passPercent()).findFirst().orElseThrow().submittedAt()
                    : graded.get().submittedAt();
        }
        return new QuizResult(quiz, method, attempts.size(), graded.orElse(null), passed, passedAt);
    }

    private static Map<PowerType, PowerTotal> powerTotals(List<QuizResult> quizzes) {
        Map<PowerType, PowerTotal> totals = new EnumMap<>(PowerType.class);
        for (QuizResult quiz : quizzes) {
            if (quiz.graded() == null) {
                continue;
            }
            quiz.graded().byPowerType().forEach((type, power) -> totals.merge(type,
                    new PowerTotal(power.correct(), power.total(), power.mastered()),
                    (a, b) -> new PowerTotal(a.correct() + b.correct(), a.total() + b.total(), a.mastered() && b.mastered())));
        }
        return totals;
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
