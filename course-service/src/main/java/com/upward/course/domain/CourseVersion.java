package com.upward.course.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One published, immutable version of a course. */
@Entity
@Table(name = "course_version")
public class CourseVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id", nullable = false)
    public String courseId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String attribution;

    @Column(nullable = false)
    public String language;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    public static Optional<CourseVersion> find(String courseId, int version) {
        return find("courseId = ?1 and version = ?2", courseId, version).firstResultOptional();
    }

    public static Optional<CourseVersion> latest(String courseId) {
        return find("courseId = ?1 order by version desc", courseId).firstResultOptional();
    }

    /** The newest version of every course, in title order. */
    public static List<CourseVersion> latestOfEachCourse(int pageIndex, int pageSize) {
        // The outer entity needs its alias: unqualified, courseId would bind to the subquery's v.
        return find("from CourseVersion c where c.version = (select max(v.version) from CourseVersion v where v.courseId = c.courseId)"
                        + " order by c.title, c.courseId")
                .page(pageIndex, pageSize).list();
    }

    public static long countCourses() {
        return find("select count(distinct courseId) from CourseVersion").project(Long.class).singleResult();
    }
}
