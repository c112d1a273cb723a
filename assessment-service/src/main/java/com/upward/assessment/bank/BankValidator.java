package com.upward.assessment.bank;

import com.upward.assessment.bank.BankDocument.Item;
import com.upward.assessment.bank.BankDocument.Option;
import com.upward.assessment.bank.BankDocument.Pool;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import com.upward.assessment.bank.BankDocument.Quiz;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.web.Slug;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks a bank before it is loaded: a broken key must stop the service, not mis-score learners. */
public final class BankValidator {

    private static final String ID = Slug.PATTERN;

    public static List<String> problems(BankDocument bank) {
        List<String> problems = new ArrayList<>();
        if (blank(bank.courseId())) {
            problems.add("courseId is missing");
        }
        if (bank.questions() == null || bank.questions().isEmpty()) {
            problems.add("there are no questions");
            return problems;
        }
        Set<String> ids = new HashSet<>();
        // Learners see option ids: shared ids ("a" correct on every question) would tell the answer.
        Set<String> choiceOptionIds = new HashSet<>();
        for (Question q : bank.questions()) {
            if ((q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTIPLE_RESPONSE) && q.options() != null) {
                for (Option option : q.options()) {
                    if (option.id() != null && !choiceOptionIds.add(option.id())) {
                        problems.add("question " + q.id() + ": option id " + option.id()
                                + " is used by another choice question; give each option a bank-wide unique id that tells nothing");
                    }
                }
            }
        }
        for (Question q : bank.questions()) {
            String at = "question " + q.id() + ": ";
            if (q.id() == null || !q.id().matches(ID)) {
                problems.add(at + "id must be 1-80 lowercase letters, digits or dashes");
            } else if (!ids.add(q.id())) {
                problems.add(at + "id is used twice");
            }
            if (q.type() == null) {
                problems.add(at + "type is missing");
                continue;
            }
            if (blank(q.lessonId())) {
                problems.add(at + "lessonId is missing");
            }
            if (blank(q.prompt())) {
                problems.add(at + "prompt is missing");
            }
            if (q.powerTypes() == null) {
                problems.add(at + "powerTypes is missing (use [] for none)");
            } else {
                for (String type : q.powerTypes()) {
                    if (!isPowerType(type)) {
                        problems.add(at + "unknown power type " + type);
                    }
                }
            }
            problems.addAll(options(q, at));
        }
        Map<String, Question> byId = bank.questions().stream()
                .filter(q -> q.id() != null).collect(Collectors.toMap(Question::id, Function.identity(), (a, b) -> a));
        Set<String> quizIds = new HashSet<>();
        for (Quiz quiz : bank.quizzes() == null ? List.<Quiz>of() : bank.quizzes()) {
            problems.addAll(quiz(quiz, byId, quizIds));
        }
        return problems;
    }

    private static List<String> options(Question q, String at) {
        List<String> problems = new ArrayList<>();
        if (q.options() == null || q.options().size() < 2) {
            problems.add(at + "needs at least two options");
            return problems;
        }
        Set<String> optionIds = new HashSet<>();
        for (Option option : q.options()) {
            if (blank(option.id()) || !optionIds.add(option.id())) {
                problems.add(at + "option ids must be present and distinct");
            }
            if (blank(option.text())) {
                problems.add(at + "option " + option.id() + " has no text");
            }
            if (q.type() != BankDocument.QuestionType.MATCHING && (option.correct() == null || blank(option.feedback()))) {
                problems.add(at + "option " + option.id() + " needs correct and feedback");
            }
        }
        long correct = q.options().stream().filter(o -> Boolean.TRUE.equals(o.correct())).count();
        switch (q.type()) {
            case SINGLE_CHOICE, TRUE_FALSE, SCENARIO -> {
                if (correct != 1) {
                    problems.add(at + "needs exactly one correct option, has " + correct);
                }
            }
            case MULTIPLE_RESPONSE -> {
                if (correct < 1) {
                    problems.add(at + "needs at least one correct option");
                }
            }
            case MATCHING -> {
                if (q.items() == null || q.items().isEmpty()) {
                    problems.add(at + "a matching question needs items");
                    break;
                }
                Set<String> itemIds = new HashSet<>();
                for (Item item : q.items()) {
                    if (blank(item.id()) || !itemIds.add(item.id())) {
                        problems.add(at + "item ids must be present and distinct");
                    }
                    if (!optionIds.contains(item.correctOptionId())) {
                        problems.add(at + "item " + item.id() + " matches no option (" + item.correctOptionId() + ")");
                    }
                    if (blank(item.text()) || blank(item.feedback())) {
                        problems.add(at + "item " + item.id() + " needs text and feedback");
                    }
                }
            }
        }
        if (q.type() != BankDocument.QuestionType.MATCHING && q.items() != null) {
            problems.add(at + "only matching questions have items");
        }
        return problems;
    }

    private static List<String> quiz(Quiz quiz, Map<String, Question> questions, Set<String> quizIds) {
        List<String> problems = new ArrayList<>();
        String at = "quiz " + quiz.id() + ": ";
        if (quiz.id() == null || !quiz.id().matches(ID) || !quizIds.add(quiz.id())) {
            problems.add(at + "id must be distinct, 1-80 lowercase letters, digits or dashes");
        }
        if (blank(quiz.title()) || blank(quiz.kind())) {
            problems.add(at + "title and kind are required");
        }
        if (quiz.passPercent() < 0 || quiz.passPercent() > 100) {
            problems.add(at + "passPercent must be 0..100");
        }
        var s = quiz.settings();
        if (s == null || s.maxAttempts() < 0 || s.minutesBetweenAttempts() < 0 || s.timeLimitMinutes() < 0
                || s.grading() == null || s.review() == null) {
            problems.add(at + "settings need maxAttempts, minutesBetweenAttempts, timeLimitMinutes >= 0, grading and review");
        }
        if ((quiz.questionIds() == null) == (quiz.pools() == null)) {
            problems.add(at + "needs either questionIds or pools");
            return problems;
        }
        if (quiz.questionIds() != null) {
            if (quiz.questionIds().isEmpty() || new HashSet<>(quiz.questionIds()).size() != quiz.questionIds().size()) {
                problems.add(at + "questionIds must be non-empty and distinct");
            }
            quiz.questionIds().stream().filter(id -> !questions.containsKey(id))
                    .forEach(id -> problems.add(at + "unknown question " + id));
            return problems;
        }
        // Pools may overlap (a question can test several types) and a question is never drawn twice, so each
        // pool must still have enough questions after every earlier pool has taken its share.
        int drawnBefore = 0;
        for (Pool pool : quiz.pools()) {
            if (!isPowerType(pool.powerType()) && !Pool.NONE.equals(pool.powerType())) {
                problems.add(at + "unknown pool " + pool.powerType());
                continue;
            }
            long candidates = questions.values().stream().filter(q -> inPool(q, pool.powerType())).count();
            if (pool.draw() < 1 || candidates < pool.draw() + drawnBefore) {
                problems.add(at + "pool " + pool.powerType() + " draws " + pool.draw() + " but only " + candidates
                        + " questions are in it (" + drawnBefore + " may already be drawn by earlier pools)");
            }
            drawnBefore += Math.max(pool.draw(), 0);
        }
        return problems;
    }

    public static boolean inPool(Question question, String pool) {
        return Pool.NONE.equals(pool) ? question.powerTypes().isEmpty() : question.powerTypes().contains(pool);
    }

    private static boolean isPowerType(String value) {
        for (PowerType type : PowerType.values()) {
            if (type.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private BankValidator() {
    }
}
