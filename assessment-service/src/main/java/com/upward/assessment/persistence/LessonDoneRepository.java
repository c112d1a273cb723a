package com.upward.assessment.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The lessons each learner of each organisation completed ({@code lesson_done}), in any course version. */
@ApplicationScoped
public class LessonDoneRepository {

    @Inject
    EntityManager entityManager;

    /** Records the lesson done, unless it already is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String orgId, String learnerId, String courseId, String lessonId, Instant completedAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO lesson_done (org_id, learner_id, course_id, lesson_id, completed_at)
                        VALUES (:org, :learner, :course, :lesson, :at) ON CONFLICT DO NOTHING""")
                .setParameter("org", orgId).setParameter("learner", learnerId)
                .setParameter("course", courseId).setParameter("lesson", lessonId)
                .setParameter("at", completedAt)
                .executeUpdate();
    }

    /** Those of these lessons the learner has completed. */
    public Set<String> done(String orgId, String learnerId, String courseId, List<String> lessonIds) {
        @SuppressWarnings("unchecked")
        List<String> done = entityManager.createNativeQuery("""
                        SELECT lesson_id FROM lesson_done
                        WHERE org_id = :org AND learner_id = :learner AND course_id = :course AND lesson_id IN (:lessons)""")
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("lessons", lessonIds).getResultList();
        return new HashSet<>(done);
    }
}
