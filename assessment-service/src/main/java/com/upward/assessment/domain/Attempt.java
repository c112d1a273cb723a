package com.upward.assessment.domain;

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
 * One attempt at a quiz. Its JSON columns hold domain records, written and read by Hibernate's JSON mapping (never
 * bound from requests): the layout, the saved answers and, once scored, the result.
 */
@Entity
@Table(name = "attempt")
public class Attempt {

    /** As stored: scored once submitted, in progress until then (even past its deadline). */
    public enum Status { IN_PROGRESS, SCORED }

    /** As the learner sees it: an attempt never submitted and past its deadline plus the grace is expired. */
    public enum State { IN_PROGRESS, EXPIRED, SCORED }

    @Id
    public UUID id;

    @Column(name = "quiz_id", nullable = false)
    public String quizId;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(name = "learner_id", nullable = false)
    public String learnerId;

    @Column(name = "attempt_number", nullable = false)
    public int attemptNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** Null when the quiz has no time limit. */
    public Instant deadline;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public AttemptLayout layout;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public AnswerSheet answers;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public Double score;

    @Column(name = "max_score")
    public Double maxScore;

    public Double percent;

    public Boolean passed;

    /** Null until scored. */
    @JdbcTypeCode(SqlTypes.JSON)
    public ScoredResult result;

    public boolean scored() {
        return status == Status.SCORED;
    }

    /** Past its deadline (plus grace) and never submitted: it can no longer be answered or submitted. */
    public boolean expired(Instant now, int graceSeconds) {
        return status == Status.IN_PROGRESS && deadline != null && now.isAfter(deadline.plusSeconds(graceSeconds));
    }

    public State state(Instant now, int graceSeconds) {
        return scored() ? State.SCORED : expired(now, graceSeconds) ? State.EXPIRED : State.IN_PROGRESS;
    }

    /** Records the submission: the final answers and their result, which is kept as answered from now on. */
    public void recordResult(AnswerSheet finalAnswers, ScoredResult scored) {
        status = Status.SCORED;
        answers = finalAnswers;
        submittedAt = scored.submittedAt();
        score = scored.score();
        maxScore = scored.maxScore();
        percent = scored.percent();
        passed = scored.passed();
        result = scored;
    }

    /** When this attempt stopped counting as open: its submission, or its deadline if it was abandoned. */
    public Instant closedAt() {
        return submittedAt != null ? submittedAt : deadline;
    }
}
