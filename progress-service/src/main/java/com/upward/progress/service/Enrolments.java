package com.upward.progress.service;

import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.domain.CourseStructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    public record Enrolment(String courseId, String title, String source, LocalDate dueDate, Instant enrolledAt) {
    }

    @Inject
    EntityManager entityManager;

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
        Set<String> members = new TreeSet<>(membersOf(orgId, learners));
        Instant now = clock.instant();
        for (String learner : learners) {
            if (members.contains(learner)) {
                enrolAssigned(learner, orgId, courseId, dueDate, adminId, now);
            } else {
                entityManager.createNativeQuery("""
                                INSERT INTO pending_enrolment (org_id, learner_id, course_id, due_date, assigned_by, assigned_at)
                                VALUES (:org, :learner, :course, :due, :admin, :now)
                                ON CONFLICT (org_id, learner_id, course_id) DO UPDATE SET due_date = EXCLUDED.due_date,
                                    assigned_by = EXCLUDED.assigned_by""")
                        .setParameter("org", orgId).setParameter("learner", learner).setParameter("course", courseId)
                        .setParameter("due", dueDate).setParameter("admin", adminId).setParameter("now", now)
                        .executeUpdate();
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
        @SuppressWarnings("unchecked")
        List<Object[]> pending = entityManager.createNativeQuery("""
                        DELETE FROM pending_enrolment WHERE org_id = :org AND learner_id = :learner
                        RETURNING course_id, due_date, assigned_by, assigned_at""")
                .setParameter("org", orgId).setParameter("learner", learnerId).getResultList();
        for (Object[] row : pending) {
            String courseId = (String) row[0];
            enrolAssigned(learnerId, orgId, courseId, ProgressQueries.localDate(row[1]), (String) row[2], (Instant) row[3]);
        }
    }

    /** The ids among {@code learnerIds} that are learners of the organisation: bound to it by their first sign-in or activity. */
    @SuppressWarnings("unchecked")
    private List<String> membersOf(String orgId, Set<String> learnerIds) {
        return entityManager.createNativeQuery("""
                        SELECT learner_id FROM learner_profile WHERE learner_id IN (:ids) AND org_id = :org
                        UNION SELECT s.learner_id FROM learner_course_summary s WHERE s.learner_id IN (:ids) AND s.org_id = :org
                            AND NOT EXISTS (SELECT 1 FROM learner_profile p WHERE p.learner_id = s.learner_id)""")
                .setParameter("ids", learnerIds).setParameter("org", orgId).getResultList();
    }

    private void enrolAssigned(String learnerId, String orgId, String courseId, LocalDate dueDate, String adminId, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO enrolment (learner_id, course_id, org_id, source, due_date, assigned_by, enrolled_at)
                        VALUES (:learner, :course, :org, 'ASSIGNED', :due, :admin, :now)
                        ON CONFLICT (learner_id, course_id) DO UPDATE SET source = 'ASSIGNED',
                            due_date = EXCLUDED.due_date, assigned_by = EXCLUDED.assigned_by
                        WHERE enrolment.org_id = EXCLUDED.org_id""")
                .setParameter("learner", learnerId).setParameter("course", courseId).setParameter("org", orgId)
                .setParameter("due", dueDate).setParameter("admin", adminId).setParameter("now", at)
                .executeUpdate();
        refresh.refresh(learnerId, courseId);
    }

    /** Self-enrolment: no due date; an existing assignment keeps its due date. Returns false when already enrolled. */
    @Transactional
    public boolean enrolSelf(String learnerId, String orgId, String courseId) {
        requireCourse(courseId);
        int created = entityManager.createNativeQuery("""
                        INSERT INTO enrolment (learner_id, course_id, org_id, source, due_date, assigned_by, enrolled_at)
                        VALUES (:learner, :course, :org, 'SELF', NULL, NULL, :now) ON CONFLICT DO NOTHING""")
                .setParameter("now", clock.instant()).setParameter("learner", learnerId).setParameter("course", courseId).setParameter("org", orgId)
                .executeUpdate();
        if (created > 0) {
            refresh.refresh(learnerId, courseId);
        }
        return created > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Enrolment> mine(String learnerId, String orgId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT e.course_id, (SELECT v.title FROM course_version v WHERE v.course_id = e.course_id
                                ORDER BY v.version DESC LIMIT 1), e.source, e.due_date, e.enrolled_at
                        FROM enrolment e WHERE e.learner_id = :learner AND e.org_id = :org ORDER BY e.enrolled_at, e.course_id""")
                .setParameter("learner", learnerId).setParameter("org", orgId).getResultList();
        return rows.stream().map(row -> new Enrolment((String) row[0], (String) row[1], (String) row[2],
                ProgressQueries.localDate(row[3]), (Instant) row[4])).toList();
    }

    private void requireCourse(String courseId) {
        if (CourseStructure.count("courseId", courseId) == 0) {
            throw new NotFoundException("There is no course '" + courseId + "'.");
        }
    }
}
