package com.upward.course.persistence;

import com.upward.course.domain.CourseVersion;
import com.upward.course.domain.Lesson;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The lessons of the published versions (lesson), and the full-text search over them. */
@ApplicationScoped
public class LessonRepository implements PanacheRepositoryBase<Lesson, Long> {

    /** The snippet is HTML: the lesson text escaped, the matches inside mark elements. */
    private static final String HEADLINE_OPTIONS =
            "StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    /** A lesson matching a search: its place, its {@code ts_rank}, and its {@code ts_headline} snippet. */
    public record Match(String lessonId, String title, String moduleId, int position, double rank, String snippet) {
    }

    public List<Lesson> ofVersion(CourseVersion version) {
        return list("courseVersionId = ?1 order by position", version.id);
    }

    public Optional<Lesson> inVersion(CourseVersion version, String lessonId) {
        return find("courseVersionId = ?1 and lessonId = ?2", version.id, lessonId).firstResultOptional();
    }

    /** The versions of a course that have this lesson, oldest first. */
    public List<Integer> versionsWith(String courseId, String lessonId) {
        @SuppressWarnings("unchecked")
        List<Integer> versions = getEntityManager().createNativeQuery("""
                        SELECT v.version FROM lesson l JOIN course_version v ON v.id = l.course_version_id
                        WHERE v.course_id = :course AND l.lesson_id = :lesson ORDER BY v.version""")
                .setParameter("course", courseId).setParameter("lesson", lessonId)
                .getResultList();
        return versions;
    }

    /** How many lessons of the version match {@code websearch_to_tsquery('english', q)}. */
    public long countMatches(CourseVersion version, String q) {
        return ((Number) getEntityManager().createNativeQuery("""
                        SELECT count(*) FROM lesson
                        WHERE course_version_id = :version AND search_vector @@ websearch_to_tsquery('english', :q)""")
                .setParameter("version", version.id).setParameter("q", q)
                .getSingleResult()).longValue();
    }

    /** A page of the matching lessons, best first (ties in course order). */
    public List<Match> matches(CourseVersion version, String q, int size, int offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT l.lesson_id, l.title, l.module_id, l.position, ts_rank(l.search_vector, query) AS rank,
                               ts_headline('english',
                                   replace(replace(replace(lesson_block_text(l.blocks), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                                   query, :options) AS snippet
                        FROM lesson l, websearch_to_tsquery('english', :q) AS query
                        WHERE l.course_version_id = :version AND l.search_vector @@ query
                        ORDER BY rank DESC, l.position
                        LIMIT :size OFFSET :offset""")
                .setParameter("version", version.id).setParameter("q", q).setParameter("options", HEADLINE_OPTIONS)
                .setParameter("size", size).setParameter("offset", offset)
                .getResultList();
        return rows.stream()
                .map(row -> new Match((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                        ((Number) row[4]).doubleValue(), (String) row[5]))
                .toList();
    }
}
