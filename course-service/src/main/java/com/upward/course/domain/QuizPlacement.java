package com.upward.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** Where a quiz sits in a course version and which lessons unlock it (the quiz itself lives in assessment-service). */
@Entity
@Table(name = "quiz_placement")
public class QuizPlacement extends CourseVersionPart {

    @Column(name = "quiz_id", nullable = false)
    public String quizId;

    @Column(name = "pass_percent", nullable = false)
    public int passPercent;

    @Column(nullable = false)
    public boolean required;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unlocked_by", nullable = false, columnDefinition = "jsonb")
    public List<String> unlockedBy;
}
