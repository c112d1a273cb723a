package com.upward.progress.persistence;

import com.upward.platform.events.contract.PowerType;
import com.upward.progress.domain.ProgressStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The admin reports' queries over the read model (report_counts, learner_course_summary, learner_power, lesson_done),
 * always of one organisation. The SQL is tuned for its indexes (index-only scans): change it with EXPLAIN at hand.
 */
@ApplicationScoped
public class ReportRepository {

    /** The summary's sums over report_counts; the two scores are null when nobody has one. */
    public record Counts(long enrolled, long started, long completed, Double averageScore, Double bestScore,
                         long passed, long scored, long overdue) {
    }

    /** One power type's learners in learner_power; correct is null only if no row has a value. */
    public record PowerCount(PowerType powerType, long learners, long mastered, Double correct, long total) {
    }

    /** One learner and course of the learner list, with the status as shown today. */
    public record Listed(String learnerId, String name, String courseId, ProgressStatus status, int percent,
                         int lessonsDone, int lessonsTotal, Double score, Double bestScore, boolean quizzesPassed,
                         Instant enrolledAt, LocalDate dueDate, Instant startedAt, Instant lastActivityAt,
                         Instant completedAt) {
    }

    /** The learner list's sort columns. */
    public enum Column {
        NAME("learner_name"), STATUS("display_status"), PERCENT("percent"), SCORE("score"),
        ENROLLED_AT("enrolled_at"), DUE_DATE("due_date"), COMPLETED_AT("completed_at"),
        LAST_ACTIVITY_AT("last_activity_at");

        final String column;

        Column(String column) {
            this.column = column;
        }
    }

    /** The learner-list filter: everything but the sort optional. */
    public record Filter(String courseId, ProgressStatus status, Boolean overdue, Column sort, boolean descending) {
    }

    private static final String DISPLAY_STATUS =
            "CASE WHEN status <> 'COMPLETED' AND due_date < :today THEN 'OVERDUE' ELSE status END";
    private static final String ROW_COLUMNS = "learner_id, learner_name, course_id, " + DISPLAY_STATUS + " AS display_status,"
            + " percent, lessons_done, lessons_total, score, best_score, quizzes_passed, enrolled_at, due_date, started_at,"
            + " last_activity_at, completed_at";

    @Inject
    EntityManager entityManager;

    /** Added up from report_counts (a few hundred rows at most per org), not by scanning every learner. */
    public Counts counts(String orgId, String courseId, LocalDate today) {
        Query query = entityManager.createNativeQuery("""
                SELECT coalesce(sum(learners), 0),
                    coalesce(sum(learners) FILTER (WHERE status <> 'NOT_STARTED'), 0),
                    coalesce(sum(learners) FILTER (WHERE status = 'COMPLETED'), 0),
                    sum(score * learners) FILTER (WHERE score >= 0) / nullif(sum(learners) FILTER (WHERE score >= 0), 0),
                    max(score) FILTER (WHERE score >= 0),
                    coalesce(sum(learners) FILTER (WHERE quizzes_passed), 0),
                    coalesce(sum(learners) FILTER (WHERE score >= 0), 0),
                    coalesce(sum(learners) FILTER (WHERE status <> 'COMPLETED' AND due_date < :today), 0)
                FROM report_counts WHERE org_id = :org""" + (courseId == null ? "" : " AND course_id = :course"));
        bind(query, orgId, courseId).setParameter("today", today);
        Object[] row = (Object[]) query.getSingleResult();
        return new Counts(Rows.count(row[0]), Rows.count(row[1]), Rows.count(row[2]), Rows.nullableDecimal(row[3]),
                Rows.nullableDecimal(row[4]), Rows.count(row[5]), Rows.count(row[6]), Rows.count(row[7]));
    }

    /** How many learners of the org completed each lesson of the course, by lesson id (any version). */
    public Map<String, Long> lessonsReached(String orgId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT lesson_id, count(DISTINCT learner_id) FROM lesson_done
                        WHERE org_id = :org AND course_id = :course GROUP BY lesson_id""")
                .setParameter("org", orgId).setParameter("course", courseId).getResultList();
        Map<String, Long> reached = new HashMap<>();
        rows.forEach(row -> reached.put(Rows.text(row[0]), Rows.count(row[1])));
        return reached;
    }

    public long enrolled(String orgId, String courseId) {
        return Rows.count(entityManager.createNativeQuery(
                        "SELECT coalesce(sum(learners), 0) FROM report_counts WHERE org_id = :org AND course_id = :course")
                .setParameter("org", orgId).setParameter("course", courseId).getSingleResult());
    }

    /** The power types some learner of the org has a score in. */
    public List<PowerCount> power(String orgId, String courseId) {
        Query query = entityManager.createNativeQuery("""
                SELECT power_type, count(*), count(*) FILTER (WHERE mastered), sum(correct), sum(total)
                FROM learner_power WHERE org_id = :org""" + (courseId == null ? "" : " AND course_id = :course")
                + " GROUP BY power_type");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(query, orgId, courseId).getResultList();
        return rows.stream().map(row -> new PowerCount(PowerType.valueOf(Rows.text(row[0])), Rows.count(row[1]),
                Rows.count(row[2]), Rows.nullableDecimal(row[3]), Rows.count(row[4]))).toList();
    }

    /** Completions by the Monday (UTC) of their week, from the given instant on; weeks without any are absent. */
    public Map<LocalDate, Long> completionsByWeek(String orgId, String courseId, Instant from) {
        Query query = entityManager.createNativeQuery("""
                SELECT CAST(date_trunc('week', completed_at AT TIME ZONE 'UTC') AS DATE), count(*)
                FROM learner_course_summary
                WHERE org_id = :org AND completed_at >= :from""" + (courseId == null ? "" : " AND course_id = :course")
                + " GROUP BY 1");
        bind(query, orgId, courseId).setParameter("from", from);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<LocalDate, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put(Rows.localDate(row[0]), Rows.count(row[1])));
        return counts;
    }

    /** The filter's columns are all dimensions of report_counts: the total is a sum of a few rows. */
    public long count(String orgId, Filter filter, LocalDate today) {
        Query count = entityManager.createNativeQuery("SELECT coalesce(sum(learners), 0) FROM report_counts WHERE " + where(filter));
        boolean countUsesToday = (filter.status() != null && filter.status() != ProgressStatus.COMPLETED) || filter.overdue() != null;
        return Rows.count(bindFilter(count, orgId, filter, countUsesToday ? today : null).getSingleResult());
    }

    public List<Listed> page(String orgId, Filter filter, LocalDate today, int offset, int size) {
        Query query = entityManager.createNativeQuery("SELECT " + ROW_COLUMNS + " FROM learner_course_summary WHERE "
                        + where(filter) + orderBy(filter))
                .setFirstResult(offset).setMaxResults(size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bindFilter(query, orgId, filter, today).getResultList();
        return rows.stream().map(ReportRepository::listed).toList();
    }

    /** Every row of the filtered list, read a batch at a time in the caller's (read-only) transaction; close it. */
    public Stream<Listed> stream(String orgId, Filter filter, LocalDate today, int fetchSize) {
        Query query = entityManager.createNativeQuery("SELECT " + ROW_COLUMNS + " FROM learner_course_summary WHERE "
                        + where(filter) + orderBy(filter))
                .setHint("org.hibernate.fetchSize", fetchSize)
                .setHint("org.hibernate.readOnly", true);
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = bindFilter(query, orgId, filter, today).getResultStream();
        return rows.map(ReportRepository::listed);
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder("org_id = :org");
        if (filter.courseId() != null) {
            where.append(" AND course_id = :course");
        }
        if (filter.status() != null) {
            // Spelled out rather than comparing DISPLAY_STATUS, so the planner can use the status and due-date indexes.
            where.append(switch (filter.status()) {
                case COMPLETED -> " AND status = 'COMPLETED'";
                case OVERDUE -> " AND status <> 'COMPLETED' AND due_date < :today";
                case IN_PROGRESS -> " AND status = 'IN_PROGRESS' AND NOT coalesce(due_date < :today, false)";
                case NOT_STARTED -> " AND status = 'NOT_STARTED' AND NOT coalesce(due_date < :today, false)";
            });
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " AND" : " AND NOT").append(" (status <> 'COMPLETED' AND coalesce(due_date < :today, false))");
        }
        return where.toString();
    }

    private static String orderBy(Filter filter) {
        String direction = filter.descending() ? " DESC" : " ASC";
        return " ORDER BY " + filter.sort().column + direction + " NULLS LAST, learner_id" + direction + ", course_id" + direction;
    }

    /** today: bound when the query compares with it (the rows' display status, the status/overdue filters), else null. */
    private static Query bindFilter(Query query, String orgId, Filter filter, LocalDate today) {
        bind(query, orgId, filter.courseId());
        if (today != null) {
            query.setParameter("today", today);
        }
        return query;
    }

    private static Query bind(Query query, String orgId, String courseId) {
        query.setParameter("org", orgId);
        if (courseId != null) {
            query.setParameter("course", courseId);
        }
        return query;
    }

    private static Listed listed(Object[] row) {
        return new Listed(Rows.text(row[0]), Rows.text(row[1]), Rows.text(row[2]), ProgressStatus.valueOf(Rows.text(row[3])),
                Rows.integer(row[4]), Rows.integer(row[5]), Rows.integer(row[6]), Rows.nullableDecimal(row[7]),
                Rows.nullableDecimal(row[8]), (Boolean) row[9], Rows.instant(row[10]), Rows.localDate(row[11]),
                Rows.instant(row[12]), Rows.instant(row[13]), Rows.instant(row[14]));
    }
}
