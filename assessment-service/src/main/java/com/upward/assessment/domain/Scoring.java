package com.upward.assessment.domain;

import com.upward.assessment.bank.BankDocument.Item;
import com.upward.assessment.bank.BankDocument.Option;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import com.upward.assessment.domain.ScoredResult.MatchFeedback;
import com.upward.assessment.domain.ScoredResult.OptionFeedback;
import com.upward.assessment.domain.ScoredResult.Outcome;
import com.upward.assessment.domain.ScoredResult.PowerScore;
import com.upward.assessment.domain.ScoredResult.QuestionResult;
import com.upward.platform.events.contract.PowerType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring rules, kept pure so they can be tested alone. Every question is worth one point:
 * <ul>
 *   <li>single choice, true/false, scenario: 1 when exactly the correct option is chosen, else 0;</li>
 *   <li>multiple response: (correct options chosen - wrong options chosen) / correct options, floored at 0;</li>
 *   <li>matching: the fraction of items matched to their right option.</li>
 * </ul>
 */
public final class Scoring {

    public static double score(Question question, Answer answer) {
        if (question.type() == QuestionType.MATCHING) {
            long right = question.items().stream()
                    .filter(item -> item.correctOptionId().equals(answer.matches().get(item.id()))).count();
            return (double) right / question.items().size();
        }
        Set<String> chosen = new HashSet<>(answer.optionIds());
        List<String> correct = question.correctOptionIds();
        if (question.type().singleAnswer()) {
            return chosen.size() == 1 && correct.contains(chosen.iterator().next()) ? 1 : 0;
        }
        long hits = chosen.stream().filter(correct::contains).count();
        long misses = chosen.size() - hits;
        return Math.max(0, (double) (hits - misses) / correct.size());
    }

    /** An attempt's scores: each question's unrounded score in the order shown (for statistics), and the result. */
    public record Scored(List<Double> scores, ScoredResult result) {
    }

    /**
     * Scores the questions in the order shown against the answers: each question's points and feedback, the total,
     * the percent (2 decimals) and pass, the points per power type, and the lessons of the questions not fully right.
     */
    public static Scored result(List<Question> shown, AnswerSheet answers, int passPercent, int masteryPercent,
                                Instant submittedAt) {
        List<Double> scores = new ArrayList<>();
        List<QuestionResult> feedback = new ArrayList<>();
        Set<String> lessons = new LinkedHashSet<>();
        for (int i = 0; i < shown.size(); i++) {
            Question q = shown.get(i);
            Answer answer = answers.of(q.id());
            double score = score(q, answer);
            scores.add(score);
            feedback.add(feedback(i + 1, q, answer, score));
            if (score < 1) {
                lessons.add(q.lessonId());
            }
        }
        double total = scores.stream().mapToDouble(Double::doubleValue).sum();
        double max = shown.size();
        double percent = round(100 * total / max, 2);
        return new Scored(List.copyOf(scores), new ScoredResult(round(total, 4), max, percent, passPercent,
                percent >= passPercent, byPowerType(shown, scores, masteryPercent), List.copyOf(lessons), feedback, submittedAt));
    }

    /** Correct (points earned) and total (questions) per power type; each question counts for every type it tests. */
    public static Map<PowerType, PowerScore> byPowerType(List<Question> questions, List<Double> scores, int masteryPercent) {
        Map<PowerType, double[]> sums = new EnumMap<>(PowerType.class);
        for (int i = 0; i < questions.size(); i++) {
            for (String type : questions.get(i).powerTypes()) {
                double[] sum = sums.computeIfAbsent(PowerType.valueOf(type), t -> new double[2]);
                sum[0] += scores.get(i);
                sum[1] += 1;
            }
        }
        Map<PowerType, PowerScore> result = new EnumMap<>(PowerType.class);
        sums.forEach((type, sum) -> {
            double percent = 100 * sum[0] / sum[1];
            // A tiny tolerance so 4 x 0.2 counts as exactly 80%.
            result.put(type, new PowerScore(round(sum[0], 4), (int) sum[1], round(percent, 2), percent + 1e-9 >= masteryPercent));
        });
        return result;
    }

    public static QuestionResult feedback(int number, Question q, Answer answer, double score) {
        Outcome outcome = answer.blank() ? Outcome.UNANSWERED
                : score >= 1 ? Outcome.CORRECT : score > 0 ? Outcome.PARTIAL : Outcome.INCORRECT;
        List<OptionFeedback> selected = null;
        List<OptionFeedback> correctAnswer = null;
        List<MatchFeedback> matches = null;
        if (q.type() == QuestionType.MATCHING) {
            matches = new ArrayList<>();
            for (Item item : q.items()) {
                String chosen = answer.matches().get(item.id());
                matches.add(new MatchFeedback(item.id(), item.text(), chosen, item.correctOptionId(),
                        item.correctOptionId().equals(chosen), item.feedback()));
            }
        } else {
            selected = new ArrayList<>();
            for (String optionId : new LinkedHashSet<>(answer.optionIds())) {
                Option option = q.option(optionId);
                if (option != null) { // saved before the bank dropped that option
                    selected.add(optionFeedback(option));
                }
            }
            correctAnswer = q.options().stream().filter(o -> Boolean.TRUE.equals(o.correct())).map(Scoring::optionFeedback).toList();
        }
        return new QuestionResult(q.id(), number, q.type().name(), q.prompt(), q.lessonId(), q.powerTypes(),
                round(score, 4), 1, outcome, selected, correctAnswer, matches);
    }

    private static OptionFeedback optionFeedback(Option option) {
        return new OptionFeedback(option.id(), option.text(), Boolean.TRUE.equals(option.correct()), option.feedback());
    }

    public static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }

    private Scoring() {
    }
}
