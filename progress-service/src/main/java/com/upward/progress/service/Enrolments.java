package com.upward.progress.service;

import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.persistence.CourseVersionRepository;
import com.upward.progress.persistence.EnrolmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Assignments by an admin (with a due date) and self-enrolments. */
@ApplicationScoped
public class Enrolments {

    /** source: SELF or ASSIGNED; title: the newest version's, null before the course is known. Also the API's answer. */
    public record Enrolment(String courseId, String title, String source, LocalDate dueDate, Instant enrolledAt) {
    }

    @Inject
    EnrolmentRepository repository;

    @Inject
    CourseVersionRepository courses;

    @Inject
    Clock clock;

    @Inject
    LearnerCourseRefresh refresh;

    /**
     * Assigns a course to learners of the admin's organisation. An id that is not a learner of that organisation
     * (never seen, or a learner of another one) becomes a pending enrolment of the admin's organisation only:
     * it is applied when that learner first signs in there, and nobody else ever sees it. The answer is the same
     * for every id, so it tells nothing about which ids exist elsewhere. Assigning again updates the due date.
     */
    @Transactional
    public List<String> assign(String orgId, String adminId, Collection<String> learnerIds, String courseId, LocalDate dueDate) {
        requireCourse(courseId);
        Set<String> learners = new TreeSet<>(learnerIds);
        Set<String> members = new TreeSet<>(repository.membersOf(orgId, learners));
        Instant now = clock.instant();
        for (String learner : learners) {
            if (members.contains(learner)) {
                enrolAssigned(learner, orgId, courseId, dueDate, adminId, now);
            } else {
                repository.putPending(orgId, learner, courseId, dueDate, adminId, now);
            }
        }
        return List.copyOf(learners);
    }

    /**
     * Turns this organisation's pending assignments of the learner into enrolments, once the learner is known to
     * belong to it (a sign-in, or an event from a verified request). Pending rows of other organisations stay inert.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claimPending(String learnerId, String orgId) {
        for (EnrolmentRepository.Pending pending : repository.takePending(orgId, learnerId)) {
            enrolAssigned(learnerId, orgId, pending.courseId(), pending.dueDate(), pending.assignedBy(), pending.assignedAt());
        }
    }

    private void enrolAssigned(String learnerId, String orgId, String courseId, LocalDate dueDate, String adminId, Instant at) {
        repository.putAssigned(learnerId, orgId, courseId, dueDate, adminId, at);
        refresh.refresh(learnerId, courseId);
    }

    /** Self-enrolment: no due date; an existing assignment keeps its due date. Returns false when already enrolled. */
    @Transactional
    public boolean enrolSelf(String learnerId, String orgId, String courseId) {
        requireCourse(courseId);
        boolean created = repository.addSelf(learnerId, orgId, courseId, clock.instant());
        if (created) {
            refresh.refresh(learnerId, courseId);
        }
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Enrolment> mine(String learnerId, String orgId) {
        return repository.ofLearner(learnerId, orgId).stream()
                .map(e -> new Enrolment(e.courseId(), e.title(), e.source(), e.dueDate(), e.enrolledAt())).toList();
    }

    private void requireCourse(String courseId) {
        if (!courses.exists(courseId)) {
            throw new NotFoundException("There is no course '" + courseId + "'.");
        }
    }
}
