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
import java.util.ArrayList;
import java.util.List;

/** One learner's Leitner card for one power type: its box, when the next set is due, and the questions shown lately. */
@Entity
@Table(name = "practice_item")
public class PracticeItem extends LearnerOwned {

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "power_type", nullable = false)
    public PowerType powerType;

    @Column(nullable = false)
    public int box;

    /** Null once the card is out of the boxes. */
    @Column(name = "due_at")
    public Instant dueAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "recent_question_ids", nullable = false)
    public List<String> recentQuestionIds = new ArrayList<>();

    @Column(name = "last_percent")
    public Double lastPercent;

    @Column(name = "last_practiced_at")
    public Instant lastPracticedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public void moveTo(Leitner.Move move, Instant at) {
        box = move.box();
        dueAt = move.dueAt();
        updatedAt = at;
    }

    public boolean due(Instant now) {
        return dueAt != null && !dueAt.isAfter(now);
    }
}
