package com.upward.assessment.domain;

import com.upward.platform.events.contract.PowerType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** A learner's plan for one upward conversation (the questions and tips of {@link ConversationGuide}), and once held, its reflection. */
@Entity
@Table(name = "conversation_plan")
public class ConversationPlan extends LearnerOwned {

    public enum Status { PLANNED, HELD }

    /** The answers to the interview's five questions; any may be blank while the plan is a draft. */
    public record Answers(String motive, String outcome, String helpsOthers, String helpsThem, String atRisk) {
    }

    /** How the learner will apply each of the four tips to engage. */
    public record Tips(String understanding, String teamPlayer, String organised, String relationship) {
    }

    /** What a learner writes: everything but the status, times and reflection. */
    public record Content(String title, Answers answers, List<PowerType> powers, Tips tips, String opening) {
    }

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Answers answers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PowerType> powers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Tips tips;

    public String opening;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "held_at")
    public Instant heldAt;

    public String reflection;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public void write(Content content, Instant at) {
        title = content.title();
        answers = content.answers();
        powers = List.copyOf(content.powers());
        tips = content.tips();
        opening = content.opening();
        updatedAt = at;
    }

    public void markHeld(String reflectionText, Instant at) {
        status = Status.HELD;
        heldAt = at;
        reflection = reflectionText;
        updatedAt = at;
    }
}
