package com.upward.assessment.domain;

import com.upward.platform.events.contract.PowerType;
import com.upward.platform.web.errors.RuleViolationException;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The power-profile self-assessment: "understand what power you have and utilize it". Each statement is rated
 * 1 (strongly disagree) to 5 (strongly agree); a type's score is the mean of its ratings, and its percent puts that
 * mean on 0..100. Nothing here is right or wrong, so nothing is graded or published. {@code result},
 * {@code strongest} and {@code updatedAt} are null until the learner has answered.
 */
public record PowerProfile(List<Statement> statements, Map<String, Integer> answers, Map<PowerType, TypeResult> result,
                           List<PowerType> strongest, Instant updatedAt) {

    public record Statement(String id, PowerType powerType, String text) {
    }

    /** The mean rating 1..5, and the same on 0..100. Stored in {@code power_profile.result} by type. */
    public record TypeResult(double mean, double percent) {
    }

    /** Written from the course's descriptions of each power. */
    public static final List<Statement> STATEMENTS = List.of(
            new Statement("role-1", PowerType.ROLE, "My job title gives me official authority that others in the company recognise."),
            new Statement("role-2", PowerType.ROLE, "Where I officially sit in the company lets me make decisions that are mine to make."),
            new Statement("role-3", PowerType.ROLE, "People follow my lead because of the position I hold, even when they do not know me well."),
            new Statement("penalty-1", PowerType.PENALTY, "I am able to impose consequences on others when a result is not delivered."),
            new Statement("penalty-2", PowerType.PENALTY, "People act on my requests partly because they fear what happens if they do not."),
            new Statement("penalty-3", PowerType.PENALTY, "I can withhold something others want in order to get the result I need."),
            new Statement("reputation-1", PowerType.REPUTATION, "People like and respect me as a person."),
            new Statement("reputation-2", PowerType.REPUTATION, "Colleagues see good character in how I treat people and keep my word."),
            new Statement("reputation-3", PowerType.REPUTATION, "Others listen to me because of how they perceive me, not because of my title."),
            new Statement("expertise-1", PowerType.EXPERTISE, "I have knowledge and skills that others in my organisation rely on."),
            new Statement("expertise-2", PowerType.EXPERTISE, "My past experience lets me influence others as a subject matter expert."),
            new Statement("expertise-3", PowerType.EXPERTISE, "People come to me for advice in my field because of my skill set."));

    /** The statements, not rated yet. */
    public static PowerProfile unanswered() {
        return new PowerProfile(STATEMENTS, Map.of(), null, null, null);
    }

    /**
     * New ratings: every statement rated, none unknown (else refused, naming them), kept in the statements' order,
     * and their result.
     */
    public static PowerProfile rated(Map<String, Integer> answers, Instant at) {
        Set<String> known = STATEMENTS.stream().map(Statement::id).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(answers.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("Unknown statements", "There are no statements " + unknown + ".");
        }
        Set<String> missing = new TreeSet<>(known);
        missing.removeAll(answers.keySet());
        if (!missing.isEmpty()) {
            throw new RuleViolationException("Statements not rated", "Rate every statement from 1 to 5; missing: " + missing + ".");
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        STATEMENTS.forEach(s -> ordered.put(s.id(), answers.get(s.id())));
        return of(ordered, at);
    }

    /** Per type: the mean rating (1..5) and that mean on 0..100; the strongest types first in {@code strongest}. */
    public static PowerProfile of(Map<String, Integer> answers, Instant updatedAt) {
        Map<PowerType, TypeResult> result = new EnumMap<>(PowerType.class);
        for (PowerType type : PowerType.values()) {
            List<Integer> ratings = STATEMENTS.stream().filter(s -> s.powerType() == type)
                    .map(s -> answers.get(s.id())).toList();
            double mean = ratings.stream().mapToInt(Integer::intValue).average().orElse(0);
            result.put(type, new TypeResult(Scoring.round(mean, 2), Scoring.round((mean - 1) / 4 * 100, 1)));
        }
        double best = result.values().stream().mapToDouble(TypeResult::mean).max().orElse(0);
        List<PowerType> strongest = result.entrySet().stream().filter(e -> e.getValue().mean() == best).map(Map.Entry::getKey).toList();
        return new PowerProfile(STATEMENTS, answers, result, strongest, updatedAt);
    }
}
