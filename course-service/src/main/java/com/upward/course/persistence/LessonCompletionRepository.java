package com.upward.course.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Lesson completions (lesson_completion): the first one of each lesson is kept. */
@ApplicationScoped
public class LessonCompletionRepository {

    @Inject
    EntityManager entityManager;

    public List<String> lessonIds(String learnerId, String courseId, int version) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager.createNativeQuery(
                        "SELECT lesson_id FROM lesson_completion WHERE learner_id = :learner AND course_id = :course AND version = :version")
                .setParameter("learner", learnerId).setParameter("course", courseId).setParameter("version", version)
                .getResultList();
        return ids;
    }

    /** 1 when this is the first completion, 0 when there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int insert(String learnerId, String orgId, String courseId, int version, String lessonId, Instant at) {
        return entityManager.createNativeQuery("""
                        INSERT INTO lesson_completion (learner_id, course_id, version, lesson_id, org_id, completed_at)
                        VALUES (:learner, :course, :version, :lesson, :org, :at) ON CONFLICT DO NOTHING""")
                .setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("version", version).setParameter("lesson", lessonId)
                .setParameter("org", orgId).setParameter("at", at)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Instant completedAt(String learnerId, String courseId, int version, String lessonId) {
        return (Instant) entityManager.createNativeQuery("""
                        SELECT completed_at FROM lesson_completion
                        WHERE learner_id = :learner AND course_id = :course AND version = :version AND lesson_id = :lesson""")
                .setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("version", version).setParameter("lesson", lessonId)
                .getSingleResult();
    }
}
