package com.upward.course.service;

import com.upward.course.config.CourseConfig;
import com.upward.course.domain.CourseVersion;
import com.upward.course.rest.CourseViews.SearchHit;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.errors.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Full-text search over the lessons of the version a learner follows, with PostgreSQL's own search:
 * {@code websearch_to_tsquery} (quotes, OR, -word work as on a web search engine), ranked by {@code ts_rank}
 * over title, objectives and block text, with a {@code ts_headline} snippet.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LessonSearch {

    /** The snippet is HTML: the lesson text escaped, the matches inside mark elements. */
    private static final String HEADLINE_OPTIONS =
            "StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    @Inject
    EntityManager entityManager;

    @Inject
    CourseCatalog catalog;

    @Inject
    CourseConfig config;

    public Page<SearchHit> search(String learnerId, String orgId, String courseId, String query, PageRequest page) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new InvalidInputException("Say what to search for: q must not be empty.");
        }
        if (q.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("q must not contain control characters such as NUL or a line break.");
        }
        if (q.length() > config.searchMaxQueryLength()) {
            throw new InvalidInputException("q must be at most " + config.searchMaxQueryLength()
                    + " characters, not " + q.length() + ".");
        }
        CourseVersion version = catalog.versionFor(learnerId, orgId, courseId, catalog.latest(courseId));
        long total = ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM lesson
                        WHERE course_version_id = :version AND search_vector @@ websearch_to_tsquery('english', :q)""")
                .setParameter("version", version.id).setParameter("q", q)
                .getSingleResult()).longValue();
        if (total == 0) {
            return Page.of(List.of(), page, 0);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT l.lesson_id, l.title, l.module_id, l.position, ts_rank(l.search_vector, query) AS rank,
                               ts_headline('english',
                                   replace(replace(replace(lesson_block_text(l.blocks), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                                   query, :options) AS snippet
                        FROM lesson l, websearch_to_tsquery('english', :q) AS query
                        WHERE l.course_version_id = :version AND l.search_vector @@ query
                        ORDER BY rank DESC, l.position
                        LIMIT :size OFFSET :offset""")
                .setParameter("version", version.id).setParameter("q", q).setParameter("options", HEADLINE_OPTIONS)
                .setParameter("size", page.size()).setParameter("offset", page.offset())
                .getResultList();
        List<SearchHit> hits = rows.stream()
                .map(row -> new SearchHit((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                        ((Number) row[4]).doubleValue(), (String) row[5]))
                .toList();
        return Page.of(hits, page, total);
    }
}
