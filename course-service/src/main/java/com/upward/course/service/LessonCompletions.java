package com.upward.course.service;

import com.upward.course.domain.CourseVersion;
import com.upward.course.domain.Lesson;
import com.upward.course.rest.CourseViews.Completion;
import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.web.errors.AccessDeniedException;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.DomainException;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Marks lessons complete. The completion and its upward.lesson.completed event are written in one
 * transaction; completing a lesson again finds the first completion and writes nothing.
 */
@ApplicationScoped
public class LessonCompletions {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    CourseCatalog catalog;

    @Inject
    Outbox outbox;

    /**
     * Completes a lesson of the version this learner follows (the one they started, else the newest).
     * A lesson that exists only in another version of the course is refused with 409, an unknown one with 404.
     */
    @Transactional
    public Completion complete(String learnerId, String orgId, String courseId, String lessonId, Integer expectedVersion) {
        CourseVersion version = catalog.versionFor(learnerId, orgId, courseId, catalog.latest(courseId));
        if (expectedVersion != null && expectedVersion != version.version) {
            throw new ConflictException("You follow version " + version.version + " of course '" + courseId
                    + "', not version " + expectedVersion + ". Reload the lesson and complete it again.");
        }
        if (Lesson.find(version, lessonId).isEmpty()) {
            throw notInVersion(courseId, lessonId, version);
        }
        Instant now = clock.instant();
        // The first completion fixes the version the learner follows until they finish.
        entityManager.createNativeQuery("""
                        INSERT INTO learner_course (learner_id, course_id, org_id, version, started_at)
                        VALUES (:learner, :course, :org, :version, :now) ON CONFLICT DO NOTHING""")
                .setParameter("now", now).setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("org", orgId).setParameter("version", version.version)
                .executeUpdate();
        Object[] followedBy = (Object[]) entityManager.createNativeQuery(
                        "SELECT version, org_id FROM learner_course WHERE learner_id = :learner AND course_id = :course")
                .setParameter("learner", learnerId).setParameter("course", courseId)
                .getSingleResult();
        if (!orgId.equals(followedBy[1])) {
            // A concurrent first completion under another organisation won the insert: learner data is keyed by
            // the learner id, and is never extended under a second organisation.
            throw new AccessDeniedException(CourseCatalog.OTHER_ORGANISATION);
        }
        int followed = ((Number) followedBy[0]).intValue();
        if (followed != version.version) {
            // A concurrent first completion pinned another version between our read and our insert.
            throw new ConflictException("You now follow version " + followed + " of course '" + courseId
                    + "'. Reload the lesson and complete it again.");
        }
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

    /** 409 when the lesson belongs to other versions only (the learner's version has no such lesson), else 404. */
    private DomainException notInVersion(String courseId, String lessonId, CourseVersion version) {
        @SuppressWarnings("unchecked")
        List<Integer> others = entityManager.createNativeQuery("""
                        SELECT v.version FROM lesson l JOIN course_version v ON v.id = l.course_version_id
                        WHERE v.course_id = :course AND l.lesson_id = :lesson ORDER BY v.version""")
                .setParameter("course", courseId).setParameter("lesson", lessonId)
                .getResultList();
        if (others.isEmpty()) {
            return new NotFoundException("Course '" + courseId + "' has no lesson '" + lessonId + "'.");
        }
        return new ConflictException("Lesson not in your course version", "Lesson '" + lessonId
                + "' belongs to version " + others.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " of course '" + courseId + "', but you follow version " + version.version
                + ", which has no such lesson.");
    }
}
