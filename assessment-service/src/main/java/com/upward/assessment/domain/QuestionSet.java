package com.upward.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * Questions drawn for one learner (the layout), their answers and, once submitted, the scored result: an attempt at a
 * quiz or a practice set. The JSON columns hold domain records, written and read by Hibernate's JSON mapping (never
 * bound from requests).
 */
@MappedSuperclass
public abstract class QuestionSet extends LearnerOwned {

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

    /** Null until submitted. */
    @JdbcTypeCode(SqlTypes.JSON)
    public ScoredResult result;

    /** The submission: the final answers and their result, kept as answered from now on. */
    protected void recordAnswers(AnswerSheet finalAnswers, ScoredResult scored) {
        answers = finalAnswers;
        result = scored;
        submittedAt = scored.submittedAt();
    }
}
