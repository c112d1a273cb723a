package com.upward.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/** One attempt at a quiz: the layout, the saved answers and, once scored, the result (see {@link QuestionSet}). */
@Entity
@Table(name = "attempt")
public class Attempt extends QuestionSet {

    /** As stored: scored once submitted, in progress until then (even past its deadline). */
    public enum Status { IN_PROGRESS, SCORED }

    /** As the learner sees it: an attempt never submitted and past its deadline plus the grace is expired. */
    public enum State { IN_PROGRESS, EXPIRED, SCORED }

    @Column(name = "quiz_id", nullable = false)
    public String quizId;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(name = "attempt_number", nullable = false)
    public int attemptNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Null when the quiz has no time limit. */
    public Instant deadline;

    public Double score;

    @Column(name = "max_score")
    public Double maxScore;

    public Double percent;

    public Boolean passed;

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
        recordAnswers(finalAnswers, scored);
        score = scored.score();
        maxScore = scored.maxScore();
        percent = scored.percent();
        passed = scored.passed();
    }

    /** When this attempt stopped counting as open: its submission, or its deadline if it was abandoned. */
    public Instant closedAt() {
        return submittedAt != null ? submittedAt : deadline;
    }
}
