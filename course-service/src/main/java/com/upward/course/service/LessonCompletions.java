package com.upward.course.service;

import com.upward.course.domain.CourseVersion;
import com.upward.course.domain.Lesson;
import com.upward.course.rest.CourseViews.Completion;
import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Marks lessons complete. The completion and its upward.lesson.completed event are written in one
 * transaction; completing a lesson again finds the first completion and writes nothing.
 */
@ApplicationScoped
public class LessonCompletions {

    @Inject
    EntityManager entityManager;

    @Inject
    CourseCatalog catalog;

    @Inject
    Outbox outbox;

    @Transactional
    public Completion complete(String learnerId, String orgId, String courseId, String lessonId) {
        CourseVersion version = catalog.versionFor(learnerId, courseId, catalog.latest(courseId));
        Lesson.find(version, lessonId).orElseThrow(() -> ProblemException.notFound(
                "Course '" + courseId + "' version " + version.version + ", which you follow, has no lesson '" + lessonId + "'."));
        // The first completion fixes the version the learner follows until they finish.
        entityManager.createNativeQuery("""
                        INSERT INTO learner_course (learner_id, course_id, org_id, version, started_at)
                        VALUES (:learner, :course, :org, :version, now()) ON CONFLICT DO NOTHING""")
                .setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("org", orgId).setParameter("version", version.version)
                .executeUpdate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO lesson_completion (learner_id, course_id, version, lesson_id, org_id, completed_at)
                        VALUES (:learner, :course, :version, :lesson, :org, :at) ON CONFLICT DO NOTHING""")
                .setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("version", version.version).setParameter("lesson", lessonId)
                .setParameter("org", orgId).setParameter("at", now)
                .executeUpdate();
        if (inserted == 1) {
            outbox.publish(new LessonCompleted(learnerId, orgId, courseId, version.version, lessonId, now));
            return new Completion(courseId, version.version, lessonId, now);
        }
        Instant first = (Instant) entityManager.createNativeQuery("""
                        SELECT completed_at FROM lesson_completion
                        WHERE learner_id = :learner AND course_id = :course AND version = :version AND lesson_id = :lesson""")
                .setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("version", version.version).setParameter("lesson", lessonId)
                .getSingleResult();
        return new Completion(courseId, version.version, lessonId, first);
    }
}
