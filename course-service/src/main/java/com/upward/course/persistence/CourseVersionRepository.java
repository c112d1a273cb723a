package com.upward.course.persistence;

import com.upward.course.domain.CourseVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The published course versions (course_version). */
@ApplicationScoped
public class CourseVersionRepository implements PanacheRepositoryBase<CourseVersion, Long> {

    /**
     * Holds publishing of this course's versions until the caller's transaction ends: replicas starting together load
     * the same course files, and the second must see the first's version rather than insert it again.
     */
    public void lockCourse(String courseId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "course-version:" + courseId).getSingleResult();
    }

    public Optional<CourseVersion> version(String courseId, int version) {
        return find("courseId = ?1 and version = ?2", courseId, version).firstResultOptional();
    }

    public Optional<CourseVersion> latest(String courseId) {
        return find("courseId = ?1 order by version desc", courseId).firstResultOptional();
    }

    /** The newest version of every course, in title order. */
    public List<CourseVersion> latestOfEachCourse(int pageIndex, int pageSize) {
        // The outer entity needs its alias: unqualified, courseId would bind to the subquery's v.
        return find("from CourseVersion c where c.version = (select max(v.version) from CourseVersion v where v.courseId = c.courseId)"
                        + " order by c.title, c.courseId")
                .page(pageIndex, pageSize).list();
    }

    public long countCourses() {
        return find("select count(distinct courseId) from CourseVersion").project(Long.class).singleResult();
    }
}
