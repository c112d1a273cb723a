package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lesson facts of the read model: learner_course (the version a learner follows, from their first completed
 * lesson) and lesson_done. Also the lock that makes one refresh at a time per learner and course.
 */
@ApplicationScoped
public class LearnerCourseRepository {

    /** The version a learner follows in a course, and when they completed their first lesson. */
    public record Started(String orgId, int version, Instant startedAt) {
    }

    @Inject
    EntityManager entityManager;

    /** The learner follows the version of their first lesson; an earlier completion moves started_at back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void putStarted(String learnerId, String courseId, String orgId, int version, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO learner_course (learner_id, course_id, org_id, version, started_at)
                        VALUES (:learner, :course, :org, :version, :at)
                        ON CONFLICT (learner_id, course_id) DO UPDATE SET started_at = LEAST(learner_course.started_at, EXCLUDED.started_at)""")
                .setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("org", orgId).setParameter("version", version)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** True the first time this lesson of this version is stored for the learner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean addLessonDone(String learnerId, String orgId, String courseId, int version, String lessonId, Instant at) {
        return entityManager.createNativeQuery("""
                        INSERT INTO lesson_done (learner_id, org_id, course_id, version, lesson_id, completed_at)
                        VALUES (:learner, :org, :course, :version, :lesson, :at) ON CONFLICT DO NOTHING""")
                .setParameter("learner", learnerId).setParameter("org", orgId)
                .setParameter("course", courseId).setParameter("version", version)
                .setParameter("lesson", lessonId).setParameter("at", at)
                .executeUpdate() > 0;
    }

    /**
     * The learners a newly published version concerns: those on this version whose events came first, and those who
     * have not started a lesson yet (they follow the newest version), in learner order.
     */
    @SuppressWarnings("unchecked")
    public List<String> learnersAwaiting(String courseId, int version) {
        return entityManager.createNativeQuery("""
                        SELECT learner_id FROM learner_course WHERE course_id = :course AND version = :version
                        UNION SELECT learner_id FROM learner_course_summary s WHERE course_id = :course
                            AND NOT EXISTS (SELECT 1 FROM learner_course c WHERE c.learner_id = s.learner_id AND c.course_id = s.course_id)
                        UNION SELECT learner_id FROM enrolment e WHERE course_id = :course
                            AND NOT EXISTS (SELECT 1 FROM learner_course c WHERE c.learner_id = e.learner_id AND c.course_id = e.course_id)
                        UNION SELECT DISTINCT learner_id FROM quiz_attempt q WHERE course_id = :course
                            AND NOT EXISTS (SELECT 1 FROM learner_course c WHERE c.learner_id = q.learner_id AND c.course_id = q.course_id)
                        ORDER BY 1""")
                .setParameter("course", courseId).setParameter("version", version)
                .getResultList();
    }
}
