package com.upward.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The course version a learner follows, fixed when they start so a new version never moves them. */
@Entity
@Table(name = "learner_course")
@IdClass(LearnerCourse.Key.class)
public class LearnerCourse {

    /** The composite key, as JPA wants it: the id fields' names and types. */
    public record Key(String learnerId, String courseId) implements Serializable {
    }

    @Id
    @Column(name = "learner_id")
    public String learnerId;

    @Id
    @Column(name = "course_id")
    public String courseId;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(nullable = false)
    public int version;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
}
