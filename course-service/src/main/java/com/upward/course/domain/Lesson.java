package com.upward.course.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** A lesson of one course version: its place in the course and its typed content blocks. */
@Entity
@Table(name = "lesson")
public class Lesson extends CourseVersionPart {

    @Column(name = "lesson_id", nullable = false)
    public String lessonId;

    /** Position in the whole course, from 1. */
    @Column(nullable = false)
    public int position;

    @Column(name = "estimated_minutes", nullable = false)
    public int estimatedMinutes;

    @Column(nullable = false)
    public boolean required;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> objectives;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode blocks;
}
