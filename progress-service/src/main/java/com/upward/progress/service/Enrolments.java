package com.upward.progress.service;

import com.upward.platform.web.Page;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.Problem;
import com.upward.platform.web.ProblemException;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.messaging.LearnerDirectory;
import com.upward.progress.persistence.CourseVersionRepository;
import com.upward.progress.persistence.EnrolmentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Assignments by an admin (with a due date): made, listed, changed and removed; and self-enrolments. */
@ApplicationScoped
public class Enrolments {

    /** source: SELF or ASSIGNED; title: the newest version's, null before the course is known. Also the API's answer. */
    public record Enrolment(String courseId, String title, String source, LocalDate dueDate, Instant enrolledAt) {
    }

    /** An admin's assignment: name is the learner's stored name (null if never known). Also the API's answer. */
    public record Assignment(String learnerId, String name, String courseId, LocalDate dueDate, String assignedBy,
                             Instant assignedAt) {
    }

    @Inject
    EnrolmentRepository repository;

    @Inject
    CourseVersionRepository courses;

    @Inject
    Clock clock;

    @Inject
    LearnerCourseRefresh refresh;

    @Inject
    LearnerProfiles profiles;

    @Inject
    LearnerDirectory directory;

    /**
     * Assigns a course to learners of the admin's organisation, all or none. A learner is one this service has seen
     * in that organisation (a sign-in, or activity) or one the organisation's directory lists (the identity the
     * gateway holds; {@code bearerToken} is the admin's own, so the directory answers for their organisation only).
     * Any other id, and a due date before today, are refused with 400 naming the field; another organisation's
     * learner gets the answer an unknown id gets. Assigning again changes the due date.
     */
    public List<String> assign(String orgId, String adminId, String bearerToken, List<String> learnerIds, String courseId,
                               LocalDate dueDate) {
        requireNotPast(dueDate);
        requireCourse(courseId);
        Set<String> members = new TreeSet<>(repository.membersOf(orgId, learnerIds));
        List<String> strangers = learnerIds.stream().filter(id -> !members.contains(id)).distinct().toList();
        if (!strangers.isEmpty()) {
            // Asked outside any transaction: no database connection waits on the directory.
            Map<String, String> listed = directoryOf(bearerToken);
            List<Problem.FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < learnerIds.size(); i++) {
                String id = learnerIds.get(i);
                if (!members.contains(id) && !listed.containsKey(id)) {
                    unknown.add(new Problem.FieldError("learnerIds[" + i + "]",
                            "'" + id + "' is not a learner of your organisation"));
                }
            }
            if (!unknown.isEmpty()) {
                throw new InvalidInputException("Unknown learner", (unknown.size() == 1 ? unknown.get(0).message()
                        : unknown.size() + " of the ids are not learners of your organisation")
                        + ": pick learners from your organisation's directory (a learner not listed there is known once they have signed in).",
                        unknown);
            }
            // The directory vouches for them: they are bound to this organisation, with their names, from now on.
            strangers.forEach(id -> profiles.remember(id, orgId, listed.get(id)));
        }
        Set<String> learners = new TreeSet<>(learnerIds);
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            for (String learner : learners) {
                enrolAssigned(learner, orgId, courseId, dueDate, adminId, now);
            }
        });
        return List.copyOf(learners);
    }

    /** The organisation's assignments (of one course, or of all when {@code courseId} is null), by learner name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Assignment> assignments(String orgId, String courseId, PageRequest page) {
        return Page.of(repository.assignments(orgId, courseId, page.size(), page.offset()).stream()
                .map(Enrolments::assignment).toList(), page, repository.countAssignments(orgId, courseId));
    }

    /** A new due date for one of the organisation's assignments; 404 for any other learner and course. */
    @Transactional
    public Assignment changeDueDate(String orgId, String adminId, String learnerId, String courseId, LocalDate dueDate) {
        requireNotPast(dueDate);
        if (!repository.changeDueDate(orgId, learnerId, courseId, dueDate, adminId)) {
            throw noAssignment(learnerId, courseId);
        }
        refresh.refresh(learnerId, courseId);
        return repository.assignment(orgId, learnerId, courseId).map(Enrolments::assignment).orElseThrow();
    }

    private static Assignment assignment(EnrolmentRepository.AssignmentRow row) {
        return new Assignment(row.learnerId(), row.name(), row.courseId(), row.dueDate(), row.assignedBy(), row.assignedAt());
    }

    /**
     * Removes one of the organisation's assignments. What the learner has done stays theirs (and in the reports);
     * a learner who has done nothing leaves the course's reports.
     */
    @Transactional
    public void remove(String orgId, String learnerId, String courseId) {
        if (!repository.removeAssignment(orgId, learnerId, courseId)) {
            throw noAssignment(learnerId, courseId);
        }
        refresh.refresh(learnerId, courseId);
    }

    private Map<String, String> directoryOf(String bearerToken) {
        try {
            return directory.learners(bearerToken).orElse(Map.of());
        } catch (LearnerDirectory.DirectoryUnavailable e) {
            throw new ProblemException(502, "Learner directory unavailable", e.getMessage() + " Try again in a moment.");
        }
    }

    /** Due dates are days in UTC, as OVERDUE is computed: today is still allowed. */
    private void requireNotPast(LocalDate dueDate) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (dueDate.isBefore(today)) {
            throw new InvalidInputException("Due date in the past", "The due date " + dueDate + " has passed; choose today ("
                    + today + ") or a later day.", List.of(new Problem.FieldError("dueDate", "must be today or later")));
        }
    }

    private static NotFoundException noAssignment(String learnerId, String courseId) {
        return new NotFoundException("Your organisation has no assignment of course '" + courseId + "' to learner '"
                + learnerId + "'.");
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
