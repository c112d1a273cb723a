package com.upward.progress.domain;

import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.QuizAttemptScored.GradingMethod;
import com.upward.platform.events.contract.QuizAttemptScored.PowerScore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A learner's state in one course version, computed from the stored facts only (lessons done, scored
 * attempts) and the version's structure. Pure, so the same facts in any order give the same state.
 */
public record CourseState(List<LessonProgress> lessons, int lessonsDone, int percent, String nextLessonId,
                          boolean requiredLessonsDone, List<QuizResult> quizzes, boolean requiredQuizzesPassed,
                          Double score, Double bestScore, Instant completedAt,
                          Map<PowerType, PowerTotal> byPowerType) {

    /**
     * A scored attempt, with the grade assessment gave the quiz after it (its method and the attempt that counts).
     * Its scores per power type are loaded for the attempts that count ({@link #countingAttemptIds}), empty for the rest.
     */
    public record Attempt(String attemptId, String quizId, int attemptNumber, double percent, Instant submittedAt,
                          Map<PowerType, PowerScore> byPowerType, GradingMethod gradingMethod, String gradedAttemptId) {

        public Attempt withScores(Map<PowerType, PowerScore> scores) {
            return new Attempt(attemptId, quizId, attemptNumber, percent, submittedAt, scores, gradingMethod, gradedAttemptId);
        }
    }

    public record LessonProgress(CoursePublished.Lesson lesson, Instant completedAt) {
        public boolean completed() {
            return completedAt != null;
        }
    }

    /**
     * One quiz's result: the attempt assessment graded after the latest attempt (method null before any attempt);
     * passed compares the graded percent with the version's pass mark.
     */
    public record QuizResult(CoursePublished.Quiz quiz, GradingMethod method, int attempts, Attempt graded,
                             boolean passed, Instant passedAt) {
    }

    public record PowerTotal(double correct, int total, boolean mastered) {
    }

    /** Complete: every required lesson done and every required quiz passed. */
    public boolean complete() {
        return requiredLessonsDone && requiredQuizzesPassed;
    }

    public static CourseState of(CourseStructure structure, Map<String, Instant> lessonsDone, List<Attempt> attempts) {
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
                .map(quiz -> grade(quiz, attempts.stream().filter(a -> a.quizId().equals(quiz.id())).toList()))
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

    static QuizResult grade(CoursePublished.Quiz quiz, List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return new QuizResult(quiz, null, 0, null, false, null);
        }
        List<Attempt> ordered = ordered(attempts);
        Function<Attempt, Attempt> gradedAfter = gradedAfter(ordered);
        Attempt latest = ordered.get(ordered.size() - 1);
        Attempt graded = gradedAfter.apply(latest);
        boolean passed = graded.percent() >= quiz.passPercent();
        // Passed since the first attempt after which the grade never failed again, so a replay agrees.
        Instant passedAt = null;
        if (passed) {
            for (int i = ordered.size() - 1; i >= 0 && gradedAfter.apply(ordered.get(i)).percent() >= quiz.passPercent(); i--) {
                passedAt = ordered.get(i).submittedAt();
            }
        }
        return new QuizResult(quiz, latest.gradingMethod(), attempts.size(), graded, passed, passedAt);
    }

    /**
     * The ids of the attempts that count, one per quiz: only their scores per power type are ever read, so a
     * learner's other attempts can be loaded without them.
     */
    public static Set<String> countingAttemptIds(List<Attempt> attempts) {
        Map<String, List<Attempt>> byQuiz = new HashMap<>();
        attempts.forEach(a -> byQuiz.computeIfAbsent(a.quizId(), ignored -> new ArrayList<>()).add(a));
        Set<String> ids = new HashSet<>();
        byQuiz.values().forEach(mine -> {
            List<Attempt> ordered = ordered(mine);
            ids.add(gradedAfter(ordered).apply(ordered.get(ordered.size() - 1)).attemptId());
        });
        return ids;
    }

    private static List<Attempt> ordered(List<Attempt> attempts) {
        List<Attempt> ordered = new ArrayList<>(attempts);
        ordered.sort(Comparator.comparingInt(Attempt::attemptNumber)
                .thenComparing(Attempt::submittedAt).thenComparing(Attempt::attemptId));
        return ordered;
    }

    /** Each attempt names the attempt that counted after it; one not (yet) stored counts as the attempt itself. */
    private static Function<Attempt, Attempt> gradedAfter(List<Attempt> attempts) {
        Map<String, Attempt> byId = new HashMap<>();
        attempts.forEach(a -> byId.put(a.attemptId(), a));
        return a -> byId.getOrDefault(a.gradedAttemptId(), a);
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
