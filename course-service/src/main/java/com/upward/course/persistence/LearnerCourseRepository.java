package com.upward.course.persistence;

import com.upward.course.domain.LearnerCourse;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/** Which version each learner follows, and in which organisation (learner_course). */
@ApplicationScoped
public class LearnerCourseRepository implements PanacheRepositoryBase<LearnerCourse, LearnerCourse.Key> {

    /** The version and organisation a learner follows a course in. */
    public record Followed(int version, String orgId) {
    }

    public Optional<LearnerCourse> of(String learnerId, String courseId) {
        return find("learnerId = ?1 and courseId = ?2", learnerId, courseId).firstResultOptional();
    }

    /** Pins the version on the first completion; a learner who already follows the course keeps theirs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(String learnerId, String courseId, String orgId, int version, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO learner_course (learner_id, course_id, org_id, version, started_at)
                        VALUES (:learner, :course, :org, :version, :now) ON CONFLICT DO NOTHING""")
                .setParameter("now", now).setParameter("learner", learnerId).setParameter("course", courseId)
                .setParameter("org", orgId).setParameter("version", version)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Followed followed(String learnerId, String courseId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                        "SELECT version, org_id FROM learner_course WHERE learner_id = :learner AND course_id = :course")
                .setParameter("learner", learnerId).setParameter("course", courseId)
                .getSingleResult();
        return new Followed(((Number) row[0]).intValue(), (String) row[1]);
    }
}
