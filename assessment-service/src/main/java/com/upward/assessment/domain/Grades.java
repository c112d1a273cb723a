package com.upward.assessment.domain;

import com.upward.assessment.bank.BankDocument.Grading;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The grading rule, owned here and published with every scored attempt so no other service re-derives it. */
public final class Grades {

    private Grades() {
    }

    /** The attempt that counts among a learner's attempts at one quiz (oldest first); ties go to the earlier one. */
    public static Optional<Attempt> graded(Grading grading, List<Attempt> attemptsOldestFirst) {
        List<Attempt> scored = attemptsOldestFirst.stream().filter(Attempt::scored).toList();
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        if (grading == Grading.LAST) {
            return Optional.of(scored.get(scored.size() - 1));
        }
        // Stream.max keeps the first of equal values, so a later attempt must be strictly better to count.
        return scored.stream().max(Comparator.comparingDouble((Attempt a) -> a.percent));
    }
}
