package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.List;

/** An organisation's completions for its LMS: the certificate table with the learners' names. */
@ApplicationScoped
public class CompletionRepository {

    public record Completed(String learnerId, String learnerName, String courseId, String courseTitle, int courseVersion,
                            Instant completedAt, double finalPercent, String certificateId) {
    }

    @Inject
    EntityManager entityManager;

    /** since (inclusive) and courseId may be null. */
    public long count(String orgId, Instant since, String courseId) {
        return Rows.count(bind(entityManager.createNativeQuery("SELECT count(*) FROM certificate c WHERE "
                + where(since, courseId)), orgId, since, courseId).getSingleResult());
    }

    public List<Completed> page(String orgId, Instant since, String courseId, int limit, int offset) {
        String where = where(since, courseId);
        // completed_at alone may tie; the certificate id makes the order total, so pages neither overlap nor skip.
        // Byte order (COLLATE "C", as the V4 indexes) so it is the same whatever the database's locale. The page
        // is cut from the index first and only its rows are joined to the names, so a deep page stays cheap.
        String order = " ORDER BY c.completed_at, c.certificate_id COLLATE \"C\"";
        Query query = entityManager.createNativeQuery("""
                        SELECT c.learner_id, p.display_name, c.course_id, c.course_title, c.version, c.completed_at,
                            c.final_percent, c.certificate_id
                        FROM (SELECT * FROM certificate c WHERE""" + " " + where + order + """
                         LIMIT :limit OFFSET :offset) c
                        LEFT JOIN learner_profile p ON p.learner_id = c.learner_id""" + order)
                .setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(query, orgId, since, courseId).getResultList();
        return rows.stream().map(row -> new Completed(Rows.text(row[0]), Rows.text(row[1]), Rows.text(row[2]),
                Rows.text(row[3]), Rows.integer(row[4]), Rows.instant(row[5]), Rows.decimal(row[6]), Rows.text(row[7])))
                .toList();
    }

    private static String where(Instant since, String courseId) {
        return "c.org_id = :org"
                + (since == null ? "" : " AND c.completed_at >= :since")
                + (courseId == null ? "" : " AND c.course_id = :course");
    }

    private static Query bind(Query query, String orgId, Instant since, String courseId) {
        query.setParameter("org", orgId);
        if (since != null) {
            query.setParameter("since", since);
        }
        if (courseId != null) {
            query.setParameter("course", courseId);
        }
        return query;
    }
}
