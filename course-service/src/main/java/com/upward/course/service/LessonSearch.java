package com.upward.course.service;

import com.upward.course.config.CourseConfig;
import com.upward.course.domain.CourseVersion;
import com.upward.course.persistence.LessonRepository;
import com.upward.course.service.CourseReads.SearchHit;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.errors.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    LessonRepository lessons;

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
        long total = lessons.countMatches(version, q);
        if (total == 0) {
            return Page.of(List.of(), page, 0);
        }
        List<SearchHit> hits = lessons.matches(version, q, page.size(), page.offset()).stream()
                .map(match -> new SearchHit(match.lessonId(), match.title(), match.moduleId(), match.position(),
                        match.rank(), match.snippet()))
                .toList();
        return Page.of(hits, page, total);
    }
}
