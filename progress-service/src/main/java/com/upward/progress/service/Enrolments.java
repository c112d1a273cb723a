package com.upward.progress.service;

import java.time.Clock;
import com.upward.platform.web.errors.RuleViolationException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.domain.CourseStructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
     * Assigns a course to learners of the admin's organisation. A learner the service has already seen in
     * another organisation is refused (nothing is written); an unseen id is recorded in the admin's org,
     * since membership of an unseen id cannot be checked here. Assigning again updates the due date.
     */
    @Transactional
    public List<String> assign(String orgId, String adminId, Collection<String> learnerIds, String courseId, LocalDate dueDate) {
        requireCourse(courseId);
        Set<String> learners = new TreeSet<>(learnerIds);
        @SuppressWarnings("unchecked")
        List<String> foreign = entityManager.createNativeQuery("""
                        SELECT learner_id FROM learner_profile WHERE learner_id IN (:ids) AND org_id <> :org
                        UNION SELECT learner_id FROM learner_course_summary WHERE learner_id IN (:ids) AND org_id <> :org
                        ORDER BY 1""")
                .setParameter("ids", learners).setParameter("org", orgId).getResultList();
        if (!foreign.isEmpty()) {
            throw new RuleViolationException("Not in your organisation",
                    "These learners are not in your organisation: " + String.join(", ", foreign) + ".");
        }
        for (String learner : learners) {
            entityManager.createNativeQuery("""
                            INSERT INTO enrolment (learner_id, course_id, org_id, source, due_date, assigned_by, enrolled_at)
                            VALUES (:learner, :course, :org, 'ASSIGNED', :due, :admin, :now)
                            ON CONFLICT (learner_id, course_id) DO UPDATE SET source = 'ASSIGNED',
                                due_date = EXCLUDED.due_date, assigned_by = EXCLUDED.assigned_by
                            WHERE enrolment.org_id = EXCLUDED.org_id""")
                    .setParameter("learner", learner).setParameter("course", courseId).setParameter("org", orgId)
                    .setParameter("due", dueDate).setParameter("admin", adminId).setParameter("now", clock.instant())
                    .executeUpdate();
            refresh.refresh(learner, courseId);
        }
        return List.copyOf(learners);
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
    public List<Enrolment> mine(String learnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT e.course_id, (SELECT v.title FROM course_version v WHERE v.course_id = e.course_id
                                ORDER BY v.version DESC LIMIT 1), e.source, e.due_date, e.enrolled_at
                        FROM enrolment e WHERE e.learner_id = :learner ORDER BY e.enrolled_at, e.course_id""")
                .setParameter("learner", learnerId).getResultList();
        return rows.stream().map(row -> new Enrolment((String) row[0], (String) row[1], (String) row[2],
                ProgressQueries.localDate(row[3]), (Instant) row[4])).toList();
    }

    private void requireCourse(String courseId) {
        if (CourseStructure.count("courseId", courseId) == 0) {
            throw new NotFoundException("There is no course '" + courseId + "'.");
        }
    }
}
