package com.upward.progress.persistence;

import com.upward.progress.domain.CourseStructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The published course versions (course_version), kept from upward.course.published. */
@ApplicationScoped
public class CourseVersionRepository {

    @Inject
    EntityManager entityManager;

    /**
     * A published version never changes, so each is read and parsed once per instance and then served from
     * here. Not Hibernate's second-level cache: every native update in the service (the inbox, the read model)
     * empties that cache, since Hibernate cannot tell which entities a native statement touches.
     */
    private final Map<CourseStructure.Key, CourseStructure> published = new ConcurrentHashMap<>();

    public Optional<CourseStructure> find(String courseId, int version) {
        CourseStructure.Key key = new CourseStructure.Key(courseId, version);
        CourseStructure known = published.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        CourseStructure stored = entityManager.find(CourseStructure.class, key);
        if (stored == null) {
            return Optional.empty();
        }
        // A copy that no persistence context manages, so it can be shared by every later transaction.
        CourseStructure shared = stored.copy();
        published.put(key, shared);
        return Optional.of(shared);
    }

    /** After the table was emptied (a rebuild): the versions come back with the replayed events. */
    public void forgetAll() {
        published.clear();
    }

    /** Whether this version is stored, asked of the table itself (not of the cache), so a rebuild stores it again. */
    public boolean stored(String courseId, int version) {
        return !entityManager.createNativeQuery("SELECT 1 FROM course_version WHERE course_id = :course AND version = :version")
                .setParameter("course", courseId).setParameter("version", version).getResultList().isEmpty();
    }

    /** The newest version the service knows. */
    public Optional<CourseStructure> latest(String courseId) {
        Integer version = latestVersion(courseId);
        return version == null ? Optional.empty() : find(courseId, version);
    }

    public boolean exists(String courseId) {
        return entityManager.createQuery("SELECT count(*) FROM CourseStructure WHERE courseId = :course", Long.class)
                .setParameter("course", courseId).getSingleResult() > 0;
    }

    public Integer latestVersion(String courseId) {
        Object version = entityManager.createNativeQuery("SELECT max(version) FROM course_version WHERE course_id = :course")
                .setParameter("course", courseId).getSingleResult();
        return version == null ? null : Rows.integer(version);
    }

    /**
     * Until the caller's transaction ends: a new version of the course (exclusive) against refreshes of its
     * learners (shared, {@link LearnerCourseRows#lock}). A completion and its course's publication come from two topics at once; without it, each
     * transaction could miss the other's uncommitted row and leave a summary computed without its structure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockCourse(String courseId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:course, 2))")
                .setParameter("course", courseId).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(CourseStructure structure) {
        entityManager.persist(structure);
        entityManager.flush();
    }
}
