package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Enrolments and pending enrolments (owned state, kept across a read-model rebuild). */
@ApplicationScoped
public class EnrolmentRepository {

    /** An enrolment with the title of the course's newest version (null before the course is known). */
    public record Listed(String courseId, String title, String source, LocalDate dueDate, Instant enrolledAt) {
    }

    /** What a learner's summary row needs of their enrolment in a course. */
    public record Held(String orgId, Instant enrolledAt, LocalDate dueDate) {
    }

    /** An assignment waiting for its learner's first sign-in in the organisation. */
    public record Pending(String courseId, LocalDate dueDate, String assignedBy, Instant assignedAt) {
    }

    @Inject
    EntityManager entityManager;

    /** An admin's assignment as listed: the learner's name is the stored one (null if never known). */
    public record AssignmentRow(String learnerId, String name, String courseId, LocalDate dueDate, String assignedBy,
                             Instant assignedAt) {
    }

    /**
     * The ids among {@code learnerIds} that are learners of the organisation: bound to it by a sign-in (or by the
     * directory at an assignment: {@code learner_profile}), or, for ids bound to none, by activity under it (events
     * from verified requests). An enrolment alone makes nobody a learner.
     */
    @SuppressWarnings("unchecked")
    public List<String> membersOf(String orgId, Collection<String> learnerIds) {
        return entityManager.createNativeQuery("""
                        SELECT learner_id FROM learner_profile WHERE learner_id IN (:ids) AND org_id = :org
                        UNION SELECT c.learner_id FROM learner_course c WHERE c.learner_id IN (:ids) AND c.org_id = :org
                            AND NOT EXISTS (SELECT 1 FROM learner_profile p WHERE p.learner_id = c.learner_id)
                        UNION SELECT a.learner_id FROM quiz_attempt a WHERE a.learner_id IN (:ids) AND a.org_id = :org
                            AND NOT EXISTS (SELECT 1 FROM learner_profile p WHERE p.learner_id = a.learner_id)""")
                .setParameter("ids", learnerIds).setParameter("org", orgId).getResultList();
    }

    /** The organisation's assignments, by learner name, optionally of one course. */
    public List<AssignmentRow> assignments(String orgId, String courseId, int limit, int offset) {
        Query query = entityManager.createNativeQuery("""
                        SELECT e.learner_id, p.display_name, e.course_id, e.due_date, e.assigned_by, e.enrolled_at
                        FROM enrolment e LEFT JOIN learner_profile p ON p.learner_id = e.learner_id
                        WHERE e.org_id = :org AND e.source = 'ASSIGNED'""" + (courseId == null ? "" : " AND e.course_id = :course") + """

                        ORDER BY lower(coalesce(p.display_name, e.learner_id)), e.learner_id, e.course_id
                        LIMIT :limit OFFSET :offset""")
                .setParameter("org", orgId).setParameter("limit", limit).setParameter("offset", offset);
        if (courseId != null) {
            query.setParameter("course", courseId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(EnrolmentRepository::assignment).toList();
    }

    public long countAssignments(String orgId, String courseId) {
        Query query = entityManager.createNativeQuery("SELECT count(*) FROM enrolment WHERE org_id = :org AND source = 'ASSIGNED'"
                + (courseId == null ? "" : " AND course_id = :course")).setParameter("org", orgId);
        if (courseId != null) {
            query.setParameter("course", courseId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** One assignment of the organisation; empty for another organisation's, a self-enrolment, or none. */
    public Optional<AssignmentRow> assignment(String orgId, String learnerId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT e.learner_id, p.display_name, e.course_id, e.due_date, e.assigned_by, e.enrolled_at
                        FROM enrolment e LEFT JOIN learner_profile p ON p.learner_id = e.learner_id
                        WHERE e.org_id = :org AND e.learner_id = :learner AND e.course_id = :course AND e.source = 'ASSIGNED'""")
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("course", courseId)
                .getResultList();
        return rows.stream().findFirst().map(EnrolmentRepository::assignment);
    }

    private static AssignmentRow assignment(Object[] row) {
        return new AssignmentRow(Rows.text(row[0]), Rows.text(row[1]), Rows.text(row[2]), Rows.localDate(row[3]),
                Rows.text(row[4]), Rows.instant(row[5]));
    }

    /** A new due date for the organisation's assignment; false when it has no such assignment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean changeDueDate(String orgId, String learnerId, String courseId, LocalDate dueDate, String adminId) {
        return entityManager.createNativeQuery("""
                        UPDATE enrolment SET due_date = :due, assigned_by = :admin
                        WHERE org_id = :org AND learner_id = :learner AND course_id = :course AND source = 'ASSIGNED'""")
                .setParameter("due", dueDate).setParameter("admin", adminId).setParameter("org", orgId)
                .setParameter("learner", learnerId).setParameter("course", courseId).executeUpdate() > 0;
    }

    /** Removes the organisation's assignment; false when it has no such assignment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean removeAssignment(String orgId, String learnerId, String courseId) {
        return entityManager.createNativeQuery("""
                        DELETE FROM enrolment
                        WHERE org_id = :org AND learner_id = :learner AND course_id = :course AND source = 'ASSIGNED'""")
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("course", courseId)
                .executeUpdate() > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void putPending(String orgId, String learnerId, String courseId, LocalDate dueDate, String adminId, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO pending_enrolment (org_id, learner_id, course_id, due_date, assigned_by, assigned_at)
                        VALUES (:org, :learner, :course, :due, :admin, :now)
                        ON CONFLICT (org_id, learner_id, course_id) DO UPDATE SET due_date = EXCLUDED.due_date,
                            assigned_by = EXCLUDED.assigned_by""")
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("due", dueDate).setParameter("admin", adminId).setParameter("now", at)
                .executeUpdate();
    }

    /** Removes and returns this organisation's pending assignments of the learner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Pending> takePending(String orgId, String learnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        DELETE FROM pending_enrolment WHERE org_id = :org AND learner_id = :learner
                        RETURNING course_id, due_date, assigned_by, assigned_at""")
                .setParameter("org", orgId).setParameter("learner", learnerId).getResultList();
        return rows.stream().map(row -> new Pending(Rows.text(row[0]), Rows.localDate(row[1]), Rows.text(row[2]),
                Rows.instant(row[3]))).toList();
    }

    /** A learner's first activity in an organisation applies its pending assignment of the course; true if it did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claimPending(String orgId, String learnerId, String courseId) {
        return entityManager.createNativeQuery("""
                        WITH claimed AS (DELETE FROM pending_enrolment
                            WHERE org_id = :org AND learner_id = :learner AND course_id = :course RETURNING *)
                        INSERT INTO enrolment (learner_id, course_id, org_id, source, due_date, assigned_by, enrolled_at)
                        SELECT learner_id, course_id, org_id, 'ASSIGNED', due_date, assigned_by, assigned_at FROM claimed
                        ON CONFLICT (learner_id, course_id) DO NOTHING""")
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("course", courseId)
                .executeUpdate() > 0;
    }

    /** An assignment; an existing enrolment in the same organisation becomes assigned with this due date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void putAssigned(String learnerId, String orgId, String courseId, LocalDate dueDate, String adminId, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO enrolment (learner_id, course_id, org_id, source, due_date, assigned_by, enrolled_at)
                        VALUES (:learner, :course, :org, 'ASSIGNED', :due, :admin, :now)
                        ON CONFLICT (learner_id, course_id) DO UPDATE SET source = 'ASSIGNED',
                            due_date = EXCLUDED.due_date, assigned_by = EXCLUDED.assigned_by
                        WHERE enrolment.org_id = EXCLUDED.org_id""")
                .setParameter("learner", learnerId).setParameter("course", courseId).setParameter("org", orgId)
                .setParameter("due", dueDate).setParameter("admin", adminId).setParameter("now", at)
                .executeUpdate();
    }

    /** A self-enrolment, unless the learner is already enrolled; true if it was added. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean addSelf(String learnerId, String orgId, String courseId, Instant at) {
        return entityManager.createNativeQuery("""
                        INSERT INTO enrolment (learner_id, course_id, org_id, source, due_date, assigned_by, enrolled_at)
                        VALUES (:learner, :course, :org, 'SELF', NULL, NULL, :now) ON CONFLICT DO NOTHING""")
                .setParameter("now", at).setParameter("learner", learnerId).setParameter("course", courseId).setParameter("org", orgId)
                .executeUpdate() > 0;
    }

    public List<Listed> ofLearner(String learnerId, String orgId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT e.course_id, (SELECT v.title FROM course_version v WHERE v.course_id = e.course_id
                                ORDER BY v.version DESC LIMIT 1), e.source, e.due_date, e.enrolled_at
                        FROM enrolment e WHERE e.learner_id = :learner AND e.org_id = :org ORDER BY e.enrolled_at, e.course_id""")
                .setParameter("learner", learnerId).setParameter("org", orgId).getResultList();
        return rows.stream().map(row -> new Listed(Rows.text(row[0]), Rows.text(row[1]), Rows.text(row[2]),
                Rows.localDate(row[3]), Rows.instant(row[4]))).toList();
    }

    public Optional<Held> held(String learnerId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT org_id, enrolled_at, due_date FROM enrolment WHERE learner_id = :learner AND course_id = :course""")
                .setParameter("learner", learnerId).setParameter("course", courseId).getResultList();
        return rows.stream().findFirst().map(row -> new Held(Rows.text(row[0]), Rows.instant(row[1]), Rows.localDate(row[2])));
    }

    /** Every enrolment's learner and course, in order: the learners a rebuild starts from. */
    public List<LearnerCourse> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT learner_id, course_id FROM enrolment ORDER BY learner_id, course_id").getResultList();
        return rows.stream().map(row -> new LearnerCourse(Rows.text(row[0]), Rows.text(row[1]))).toList();
    }

    public record LearnerCourse(String learnerId, String courseId) {
    }
}
