package com.upward.assessment.service;

import com.upward.platform.events.EventEnvelope;
import com.upward.platform.events.EventInbox;
import com.upward.platform.events.contract.LessonCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The lessons each learner completed, learnt from course-service's events, so a locked quiz cannot be started. */
@ApplicationScoped
public class LessonsDone {

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        if (!LessonCompleted.TYPE.equals(event.type())) {
            return;
        }
        LessonCompleted lesson = inbox.data(event, LessonCompleted.class);
        // A lesson done in any version counts: the sequencing rule names lessons, not versions.
        entityManager.createNativeQuery("""
                        INSERT INTO lesson_done (org_id, learner_id, course_id, lesson_id, completed_at)
                        VALUES (:org, :learner, :course, :lesson, :at) ON CONFLICT DO NOTHING""")
                .setParameter("org", lesson.orgId()).setParameter("learner", lesson.learnerId())
                .setParameter("course", lesson.courseId()).setParameter("lesson", lesson.lessonId())
                .setParameter("at", lesson.completedAt())
                .executeUpdate();
    }

    /** Those of the lessons that the learner has not completed yet, in the order given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> notDone(String orgId, String learnerId, String courseId, List<String> lessonIds) {
        if (lessonIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> done = entityManager.createNativeQuery("""
                        SELECT lesson_id FROM lesson_done
                        WHERE org_id = :org AND learner_id = :learner AND course_id = :course AND lesson_id IN (:lessons)""")
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("lessons", lessonIds).getResultList();
        Set<String> completed = new HashSet<>(done);
        return lessonIds.stream().filter(id -> !completed.contains(id)).toList();
    }
}
