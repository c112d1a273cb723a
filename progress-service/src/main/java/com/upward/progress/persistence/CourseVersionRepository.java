package com.upward.progress.persistence;

import com.upward.progress.domain.CourseStructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The published course versions (course_version), kept from upward.course.published. */
@ApplicationScoped
public class CourseVersionRepository {

    @Inject
    EntityManager entityManager;

    public Optional<CourseStructure> find(String courseId, int version) {
        return entityManager.createQuery("FROM CourseStructure WHERE courseId = :course AND version = :version",
                        CourseStructure.class)
                .setParameter("course", courseId).setParameter("version", version)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The newest version the service knows. */
    public Optional<CourseStructure> latest(String courseId) {
        return entityManager.createQuery("FROM CourseStructure WHERE courseId = :course ORDER BY version DESC",
                        CourseStructure.class)
                .setParameter("course", courseId).setMaxResults(1).getResultStream().findFirst();
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(CourseStructure structure) {
        entityManager.persist(structure);
        entityManager.flush();
    }
}
