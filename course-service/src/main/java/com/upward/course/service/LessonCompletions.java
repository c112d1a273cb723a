package com.upward.course.service;

import com.upward.course.domain.CourseVersion;
import com.upward.course.persistence.LearnerCourseRepository;
import com.upward.course.persistence.LessonCompletionRepository;
import com.upward.course.persistence.LessonRepository;
import com.upward.course.service.CourseReads.Completion;
import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.web.errors.AccessDeniedException;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.DomainException;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    LessonRepository lessons;

    @Inject
    LearnerCourseRepository learnerCourses;

    @Inject
    LessonCompletionRepository completions;

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
        if (lessons.inVersion(version, lessonId).isEmpty()) {
            throw notInVersion(courseId, lessonId, version);
        }
        Instant now = clock.instant();
        // The first completion fixes the version the learner follows until they finish.
        learnerCourses.start(learnerId, courseId, orgId, version.version, now);
        LearnerCourseRepository.Followed followedBy = learnerCourses.followed(learnerId, courseId);
        if (!orgId.equals(followedBy.orgId())) {
            // A concurrent first completion under another organisation won the insert: learner data is keyed by
            // the learner id, and is never extended under a second organisation.
            throw new AccessDeniedException(CourseCatalog.OTHER_ORGANISATION);
        }
        int followed = followedBy.version();
        if (followed != version.version) {
            // A concurrent first completion pinned another version between our read and our insert.
            throw new ConflictException("You now follow version " + followed + " of course '" + courseId
                    + "'. Reload the lesson and complete it again.");
        }
        int inserted = completions.insert(learnerId, orgId, courseId, version.version, lessonId, now);
        if (inserted == 1) {
            outbox.publish(new LessonCompleted(learnerId, orgId, courseId, version.version, lessonId, now));
            return new Completion(courseId, version.version, lessonId, now);
        }
        Instant first = completions.completedAt(learnerId, courseId, version.version, lessonId);
        return new Completion(courseId, version.version, lessonId, first);
    }

    /** 409 when the lesson belongs to other versions only (the learner's version has no such lesson), else 404. */
    private DomainException notInVersion(String courseId, String lessonId, CourseVersion version) {
        List<Integer> others = lessons.versionsWith(courseId, lessonId);
        if (others.isEmpty()) {
            return new NotFoundException("Course '" + courseId + "' has no lesson '" + lessonId + "'.");
        }
        return new ConflictException("Lesson not in your course version", "Lesson '" + lessonId
                + "' belongs to version " + others.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " of course '" + courseId + "', but you follow version " + version.version
                + ", which has no such lesson.");
    }
}
