package com.upward.progress.service;

import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.config.ProgressConfig;
import com.upward.progress.domain.CourseStructure;
import com.upward.progress.domain.ProgressStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The admin reports, answered from the read model (learner_course_summary, learner_power, lesson_done)
 * and always scoped to one organisation, which the caller takes from the admin's token.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportQueries {

    public record Summary(String orgId, String courseId, long enrolled, long started, long completed,
                          double completionRate, Double averageScore, Double bestScore, Double passRate, long overdue) {
    }

    public record FunnelStep(String lessonId, String title, Integer position, long learners) {
    }

    public record Funnel(String courseId, long enrolled, List<FunnelStep> lessons) {
    }

    public record Mastery(PowerType powerType, boolean positionPower, long learners, long mastered,
                          Double masteryRate, Double percentCorrect) {
    }

    public record WeekCount(LocalDate weekStarting, long completions) {
    }

    public record LearnerRow(String learnerId, String name, String courseId, ProgressStatus status, int percent,
                             int lessonsCompleted, int lessonsTotal, Double score, Double bestScore, boolean quizzesPassed,
                             Instant enrolledAt, LocalDate dueDate, Instant startedAt, Instant lastActivityAt,
                             Instant completedAt) {
    }

    public enum Sort {
        NAME("learner_name"), STATUS("display_status"), PERCENT("percent"), SCORE("score"),
        ENROLLED_AT("enrolled_at"), DUE_DATE("due_date"), COMPLETED_AT("completed_at"),
        LAST_ACTIVITY_AT("last_activity_at");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** The learner-list filter: everything optional; the org is never part of it (it comes from the token). */
    public record ListFilter(String courseId, ProgressStatus status, Boolean overdue, Sort sort, boolean descending) {
    }

    private static final String DISPLAY_STATUS =
            "CASE WHEN status <> 'COMPLETED' AND due_date < :today THEN 'OVERDUE' ELSE status END";
    private static final String ROW_COLUMNS = "learner_id, learner_name, course_id, " + DISPLAY_STATUS + " AS display_status,"
            + " percent, lessons_done, lessons_total, score, best_score, quizzes_passed, enrolled_at, due_date, started_at,"
            + " last_activity_at, completed_at";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    ProgressConfig config;

    /** Added up from report_counts (a few hundred rows at most per org), not by scanning every learner. */
    public Summary summary(String orgId, String courseId) {
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
        bind(query, orgId, courseId).setParameter("today", today());
        Object[] row = (Object[]) query.getSingleResult();
        long enrolled = number(row[0]);
        long completed = number(row[2]);
        long scored = number(row[6]);
        return new Summary(orgId, courseId, enrolled, number(row[1]), completed,
                enrolled == 0 ? 0 : round(100.0 * completed / enrolled),
                row[3] == null ? null : round(((Number) row[3]).doubleValue()),
                row[4] == null ? null : ((Number) row[4]).doubleValue(),
                scored == 0 ? null : round(100.0 * number(row[5]) / scored),
                number(row[7]));
    }

    /** How many learners of the org completed (reached) each lesson, in the newest version's order. */
    public Funnel funnel(String orgId, String courseId) {
        CourseStructure latest = CourseStructure.<CourseStructure>find("courseId = ?1 order by version desc", courseId)
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundException("There is no course '" + courseId + "'."));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT lesson_id, count(DISTINCT learner_id) FROM lesson_done
                        WHERE org_id = :org AND course_id = :course GROUP BY lesson_id""")
                .setParameter("org", orgId).setParameter("course", courseId).getResultList();
        Map<String, Long> reached = new HashMap<>();
        rows.forEach(row -> reached.put((String) row[0], number(row[1])));
        List<FunnelStep> steps = new ArrayList<>();
        latest.lessons.stream().sorted(Comparator.comparingInt(CoursePublished.Lesson::position)).forEach(lesson ->
                steps.add(new FunnelStep(lesson.id(), lesson.title(), lesson.position(), reached.getOrDefault(lesson.id(), 0L))));
        // Lessons only older versions had still count for the learners on those versions.
        reached.keySet().stream().sorted()
                .filter(id -> latest.lessons.stream().noneMatch(lesson -> lesson.id().equals(id)))
                .forEach(id -> steps.add(new FunnelStep(id, null, null, reached.get(id))));
        long enrolled = number(entityManager.createNativeQuery(
                        "SELECT coalesce(sum(learners), 0) FROM report_counts WHERE org_id = :org AND course_id = :course")
                .setParameter("org", orgId).setParameter("course", courseId).getSingleResult());
        return new Funnel(courseId, enrolled, steps);
    }

    public List<Mastery> mastery(String orgId, String courseId) {
        Query query = entityManager.createNativeQuery("""
                SELECT power_type, count(*), count(*) FILTER (WHERE mastered), sum(correct), sum(total)
                FROM learner_power WHERE org_id = :org""" + (courseId == null ? "" : " AND course_id = :course")
                + " GROUP BY power_type");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(query, orgId, courseId).getResultList();
        Map<PowerType, Object[]> byType = new HashMap<>();
        rows.forEach(row -> byType.put(PowerType.valueOf((String) row[0]), row));
        List<Mastery> mastery = new ArrayList<>();
        for (PowerType type : PowerType.values()) {
            Object[] row = byType.get(type);
            if (row == null) {
                mastery.add(new Mastery(type, type.isPositionPower(), 0, 0, null, null));
                continue;
            }
            long learners = number(row[1]);
            long mastered = number(row[2]);
            long total = number(row[4]);
            mastery.add(new Mastery(type, type.isPositionPower(), learners, mastered,
                    learners == 0 ? null : round(100.0 * mastered / learners),
                    total == 0 ? null : round(100.0 * ((Number) row[3]).doubleValue() / total)));
        }
        return mastery;
    }

    public List<WeekCount> completionsPerWeek(String orgId, String courseId, int weeks) {
        if (weeks < 1 || weeks > config.reports().maxWeeks()) {
            throw new InvalidInputException("weeks must be between 1 and " + config.reports().maxWeeks() + ", not " + weeks + ".");
        }
        LocalDate thisWeek = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = thisWeek.minusWeeks(weeks - 1L);
        Query query = entityManager.createNativeQuery("""
                SELECT CAST(date_trunc('week', completed_at AT TIME ZONE 'UTC') AS DATE), count(*)
                FROM learner_course_summary
                WHERE org_id = :org AND completed_at >= :from""" + (courseId == null ? "" : " AND course_id = :course")
                + " GROUP BY 1");
        bind(query, orgId, courseId).setParameter("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<LocalDate, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put(ProgressQueries.localDate(row[0]), number(row[1])));
        Map<LocalDate, Long> series = new LinkedHashMap<>();
        for (LocalDate week = from; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
            series.put(week, counts.getOrDefault(week, 0L));
        }
        return series.entrySet().stream().map(e -> new WeekCount(e.getKey(), e.getValue())).toList();
    }

    public Page<LearnerRow> learners(String orgId, ListFilter filter, PageParams paging) {
        PageRequest request = paging.toRequest(config.reports().maxPageSize());
        if ((long) request.page() * request.size() > config.reports().maxOffset()) {
            throw new InvalidInputException("page " + request.page() + " of size " + request.size() + " starts past row "
                    + config.reports().maxOffset() + "; narrow the filter or use the CSV export.");
        }
        String where = where(filter);
        // The filter's columns are all dimensions of report_counts: the total is a sum of a few rows.
        Query count = entityManager.createNativeQuery("SELECT coalesce(sum(learners), 0) FROM report_counts WHERE " + where);
        boolean countUsesToday = (filter.status() != null && filter.status() != ProgressStatus.COMPLETED) || filter.overdue() != null;
        long total = number(bindFilter(count, orgId, filter, countUsesToday).getSingleResult());
        Query query = entityManager.createNativeQuery("SELECT " + ROW_COLUMNS + " FROM learner_course_summary WHERE "
                        + where + orderBy(filter))
                .setFirstResult(request.offset()).setMaxResults(request.size());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bindFilter(query, orgId, filter, true).getResultList();
        return Page.of(rows.stream().map(ReportQueries::row).toList(), request, total);
    }

    /** Streams every row of the filtered list to the consumer in its own read transaction, a batch at a time. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void streamLearners(String orgId, ListFilter filter, Consumer<LearnerRow> consumer) {
        QuarkusTransaction.requiringNew().run(() -> {
            Query query = entityManager.createNativeQuery("SELECT " + ROW_COLUMNS + " FROM learner_course_summary WHERE "
                            + where(filter) + orderBy(filter))
                    .setHint("org.hibernate.fetchSize", config.reports().csvFetchSize())
                    .setHint("org.hibernate.readOnly", true);
            @SuppressWarnings("unchecked")
            java.util.stream.Stream<Object[]> rows = bindFilter(query, orgId, filter, true).getResultStream();
            try (rows) {
                rows.map(ReportQueries::row).forEach(consumer);
            }
        });
    }

    private static String where(ListFilter filter) {
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

    private static String orderBy(ListFilter filter) {
        String direction = filter.descending() ? " DESC" : " ASC";
        return " ORDER BY " + filter.sort().column + direction + " NULLS LAST, learner_id" + direction + ", course_id" + direction;
    }

    /** usesToday: the row queries' display status and the status/overdue filters compare with today's date. */
    private Query bindFilter(Query query, String orgId, ListFilter filter, boolean usesToday) {
        bind(query, orgId, filter.courseId());
        if (usesToday) {
            query.setParameter("today", today());
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

    private static LearnerRow row(Object[] row) {
        return new LearnerRow((String) row[0], (String) row[1], (String) row[2], ProgressStatus.valueOf((String) row[3]),
                ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), ((Number) row[6]).intValue(),
                row[7] == null ? null : ((Number) row[7]).doubleValue(), row[8] == null ? null : ((Number) row[8]).doubleValue(),
                (Boolean) row[9], (Instant) row[10], ProgressQueries.localDate(row[11]), (Instant) row[12],
                (Instant) row[13], (Instant) row[14]);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
