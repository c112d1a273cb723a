package com.upward.progress.domain;

import com.upward.platform.events.contract.CoursePublished;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A published course version's lessons and quizzes, kept from its upward.course.published event. A version never
 * changes once published, so CourseVersionRepository reads each once and shares it across transactions.
 */
@Entity
@Immutable
@Table(name = "course_version")
@IdClass(CourseStructure.Key.class)
public class CourseStructure {

    /** The composite key, as JPA wants it: the id fields' names and types. */
    public record Key(String courseId, int version) implements Serializable {
    }

    @Id
    @Column(name = "course_id")
    public String courseId;

    @Id
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<CoursePublished.Lesson> lessons;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<CoursePublished.Quiz> quizzes;

    /** The same version, outside any persistence context. */
    public CourseStructure copy() {
        CourseStructure copy = new CourseStructure();
        copy.courseId = courseId;
        copy.version = version;
        copy.title = title;
        copy.publishedAt = publishedAt;
        copy.lessons = List.copyOf(lessons);
        copy.quizzes = List.copyOf(quizzes);
        return copy;
    }

    /** The structure a published version's event tells. */
    public static CourseStructure of(CoursePublished course) {
        CourseStructure structure = new CourseStructure();
        structure.courseId = course.courseId();
        structure.version = course.version();
        structure.title = course.title();
        structure.publishedAt = course.publishedAt();
        structure.lessons = course.lessons();
        structure.quizzes = course.quizzes();
        return structure;
    }
}
