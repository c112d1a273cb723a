package com.upward.progress.service;

import com.upward.platform.events.EventEnvelope;
import com.upward.platform.events.EventInbox;
import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.progress.domain.CourseStructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Builds the progress read model from events, inside the inbox's transaction. Each effect is written so
 * that applying it in any order gives the same state.
 */
@ApplicationScoped
public class ProgressProjector {

    private static final Logger LOG = Logger.getLogger(ProgressProjector.class);

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case CoursePublished.TYPE -> coursePublished(inbox.data(event, CoursePublished.class));
            case LessonCompleted.TYPE -> lessonCompleted(inbox.data(event, LessonCompleted.class));
            // A tolerant reader: types this service does not use are recorded in the inbox and skipped.
            default -> LOG.debugf("Ignoring event type %s", event.type());
        }
    }

    private void coursePublished(CoursePublished course) {
        if (CourseStructure.find(course.courseId(), course.version()).isPresent()) {
            return;
        }
        CourseStructure structure = new CourseStructure();
        structure.courseId = course.courseId();
        structure.version = course.version();
        structure.title = course.title();
        structure.publishedAt = course.publishedAt();
        structure.lessons = course.lessons();
        structure.quizzes = course.quizzes();
        structure.persist();
    }

    private void lessonCompleted(LessonCompleted lesson) {
        entityManager.createNativeQuery("""
                        INSERT INTO learner_course (learner_id, course_id, org_id, version, started_at)
                        VALUES (:learner, :course, :org, :version, :at)
                        ON CONFLICT (learner_id, course_id) DO UPDATE SET started_at = LEAST(learner_course.started_at, EXCLUDED.started_at)""")
                .setParameter("learner", lesson.learnerId()).setParameter("course", lesson.courseId())
                .setParameter("org", lesson.orgId()).setParameter("version", lesson.courseVersion())
                .setParameter("at", lesson.completedAt())
                .executeUpdate();
        entityManager.createNativeQuery("""
                        INSERT INTO lesson_done (learner_id, org_id, course_id, version, lesson_id, completed_at)
                        VALUES (:learner, :org, :course, :version, :lesson, :at) ON CONFLICT DO NOTHING""")
                .setParameter("learner", lesson.learnerId()).setParameter("org", lesson.orgId())
                .setParameter("course", lesson.courseId()).setParameter("version", lesson.courseVersion())
                .setParameter("lesson", lesson.lessonId()).setParameter("at", lesson.completedAt())
                .executeUpdate();
    }
}
