package com.upward.progress.service;

import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.progress.config.ProgressConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Completions for an organisation's LMS (server-to-server pull): one per issued certificate, read from the
 * certificate table (owned state, kept across a read-model rebuild) with the learner's name, and always scoped
 * to one organisation, which the caller takes from the integration client's token.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Completions {

    /** The public verification path of a certificate; the gateway serves it to anyone. */
    public static final String CERTIFICATE_PATH = "/api/v1/certificates/";

    public record Completion(String learnerId, String learnerName, String courseId, String courseTitle,
                             int courseVersion, Instant completedAt, double finalPercent, String certificateId,
                             String certificateUrl) {
    }

    /** What to list: since (inclusive) and courseId are optional; the org is never part of it. */
    public record Filter(Instant since, String courseId) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ProgressConfig config;

    public Page<Completion> list(String orgId, Filter filter, PageParams paging) {
        PageRequest request = paging.toRequest(config.integration().maxPageSize());
        if ((long) request.page() * request.size() > config.integration().maxOffset()) {
            throw new InvalidInputException("page " + request.page() + " of size " + request.size() + " starts past row "
                    + config.integration().maxOffset() + "; pull from a later point with since instead.");
        }
        String where = where(filter);
        long total = ((Number) bind(entityManager.createNativeQuery("SELECT count(*) FROM certificate c WHERE " + where),
                orgId, filter).getSingleResult()).longValue();
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
                .setParameter("limit", request.size()).setParameter("offset", request.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(query, orgId, filter).getResultList();
        return Page.of(rows.stream().map(Completions::completion).toList(), request, total);
    }

    private static String where(Filter filter) {
        return "c.org_id = :org"
                + (filter.since() == null ? "" : " AND c.completed_at >= :since")
                + (filter.courseId() == null ? "" : " AND c.course_id = :course");
    }

    private static Query bind(Query query, String orgId, Filter filter) {
        query.setParameter("org", orgId);
        if (filter.since() != null) {
            query.setParameter("since", filter.since());
        }
        if (filter.courseId() != null) {
            query.setParameter("course", filter.courseId());
        }
        return query;
    }

    private static Completion completion(Object[] row) {
        String certificateId = (String) row[7];
        return new Completion((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue(), (Instant) row[5], ((Number) row[6]).doubleValue(), certificateId,
                CERTIFICATE_PATH + certificateId);
    }
}
