package com.upward.assessment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The spaced-practice schedule, a simple Leitner system: a power type not mastered enters box 1; a set passed moves
 * it out one box (due 1, 3, 7, then 21 days later), a set failed moves it back to box 1. Passed from box 4, it leaves
 * the boxes ({@link #OUT}): mastered, nothing more is due.
 */
public final class Leitner {

    /** The wait before the next set, for boxes 1 to 4. */
    public static final List<Duration> INTERVALS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(21));

    public static final int FIRST = 1;
    public static final int OUT = INTERVALS.size() + 1;

    /** Where a card goes after a set in {@code box}: one box out on success, back to the first on failure. */
    public record Move(int box, Instant dueAt) {
        public boolean out() {
            return box == OUT;
        }
    }

    public static Move after(int box, boolean mastered, Instant at) {
        return mastered ? enter(Math.min(box + 1, OUT), at) : enter(FIRST, at);
    }

    /** A card placed in {@code box} at {@code at}: due after that box's interval, or never once out. */
    public static Move enter(int box, Instant at) {
        if (box < FIRST || box > OUT) {
            throw new IllegalArgumentException("No Leitner box " + box);
        }
        return new Move(box, box == OUT ? null : at.plus(INTERVALS.get(box - 1)));
    }

    private Leitner() {
    }
}
