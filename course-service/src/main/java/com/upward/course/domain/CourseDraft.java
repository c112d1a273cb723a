package com.upward.course.domain;

import com.upward.course.content.CourseDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The one draft of a course an author is editing: the whole course document, as the content files write it. */
@Entity
@Table(name = "course_draft")
public class CourseDraft {

    @Id
    @Column(name = "course_id")
    public String courseId;

    /** The published version the draft was copied from; null for a course never published. */
    @Column(name = "based_on_version")
    public Integer basedOnVersion;

    @Column(nullable = false)
    public int revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public CourseDocument content;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
