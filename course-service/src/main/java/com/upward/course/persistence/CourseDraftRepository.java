package com.upward.course.persistence;

import com.upward.course.domain.CourseDraft;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The drafts (course_draft), one per course, and the list of every course, published or drafted. */
@ApplicationScoped
public class CourseDraftRepository implements PanacheRepositoryBase<CourseDraft, String> {

    public Optional<CourseDraft> of(String courseId) {
        return findByIdOptional(courseId);
    }

    /** The draft, its row locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CourseDraft> forUpdate(String courseId) {
        return findByIdOptional(courseId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Inserts a draft at revision 1; 0 when the course already has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int insert(String courseId, Integer basedOnVersion, String contentJson, String authorId, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO course_draft (course_id, based_on_version, revision, content, created_by, created_at, updated_by, updated_at)
                        VALUES (:course, :base, 1, CAST(:content AS jsonb), :author, :now, :author, :now)
                        ON CONFLICT DO NOTHING""")
                .setParameter("course", courseId)
                .setParameter("base", basedOnVersion)
                .setParameter("content", contentJson)
                .setParameter("author", authorId).setParameter("now", now)
                .executeUpdate();
    }

    /** Every course id, published or only drafted, in order. */
    public List<String> courseIds(int size, int offset) {
        @SuppressWarnings("unchecked")
        List<String> ids = getEntityManager().createNativeQuery("""
                        SELECT course_id FROM (SELECT course_id FROM course_version UNION SELECT course_id FROM course_draft) c
                        ORDER BY course_id LIMIT :size OFFSET :offset""")
                .setParameter("size", size).setParameter("offset", offset)
                .getResultList();
        return ids;
    }

    public long countCourseIds() {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT count(*) FROM (SELECT course_id FROM course_version UNION SELECT course_id FROM course_draft) c")
                .getSingleResult()).longValue();
    }
}
