package com.upward.assessment.domain;

import com.upward.platform.events.contract.PowerType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One practice set on a power type: the questions drawn and shuffled, the answers and, once submitted, the result and
 * where the card moved. It is not an attempt: no attempt limit, no time limit, and no grade ever reads it.
 */
@Entity
@Table(name = "practice_session")
public class PracticeSession extends QuestionSet {

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Enumerated(EnumType.STRING)
    @Column(name = "power_type", nullable = false)
    public PowerType powerType;

    /** The box the card was in when the set started. */
    @Column(nullable = false)
    public int box;

    public Double percent;

    public Boolean mastered;

    @Column(name = "next_box")
    public Integer nextBox;

    @Column(name = "next_due_at")
    public Instant nextDueAt;

    public boolean submitted() {
        return submittedAt != null;
    }

    public void recordResult(AnswerSheet finalAnswers, ScoredResult scored, double typePercent, boolean typeMastered,
                             Leitner.Move move) {
        recordAnswers(finalAnswers, scored);
        percent = typePercent;
        mastered = typeMastered;
        nextBox = move.box();
        nextDueAt = move.dueAt();
    }
}
