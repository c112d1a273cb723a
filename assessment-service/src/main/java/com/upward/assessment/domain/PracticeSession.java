package com.upward.assessment.domain;

import com.upward.platform.events.contract.PowerType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One practice set on a power type: the questions drawn and shuffled, the answers and, once submitted, the result and
 * where the card moved. It is not an attempt: no attempt limit, no time limit, and no grade ever reads it.
 */
@Entity
@Table(name = "practice_session")
public class PracticeSession {

    @Id
    public UUID id;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(name = "learner_id", nullable = false)
    public String learnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "power_type", nullable = false)
    public PowerType powerType;

    /** The box the card was in when the set started. */
    @Column(nullable = false)
    public int box;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public AttemptLayout layout;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public AnswerSheet answers;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public Double percent;

    public Boolean mastered;

    @Column(name = "next_box")
    public Integer nextBox;

    @Column(name = "next_due_at")
    public Instant nextDueAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public ScoredResult result;

    public boolean submitted() {
        return submittedAt != null;
    }

    public void recordResult(AnswerSheet finalAnswers, ScoredResult scored, double typePercent, boolean typeMastered,
                             Leitner.Move move) {
        answers = finalAnswers;
        result = scored;
        submittedAt = scored.submittedAt();
        percent = typePercent;
        mastered = typeMastered;
        nextBox = move.box();
        nextDueAt = move.dueAt();
    }
}
