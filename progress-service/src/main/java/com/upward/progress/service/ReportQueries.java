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
import com.upward.progress.persistence.CourseVersionRepository;
import com.upward.progress.persistence.ReportRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
        NAME, STATUS, PERCENT, SCORE, ENROLLED_AT, DUE_DATE, COMPLETED_AT, LAST_ACTIVITY_AT
    }

    /** The learner-list filter: everything optional; the org is never part of it (it comes from the token). */
    public record ListFilter(String courseId, ProgressStatus status, Boolean overdue, Sort sort, boolean descending) {
    }

    @Inject
    ReportRepository repository;

    @Inject
    CourseVersionRepository courses;

    @Inject
    Clock clock;

    @Inject
    ProgressConfig config;

    /** Added up from report_counts (a few hundred rows at most per org), not by scanning every learner. */
    public Summary summary(String orgId, String courseId) {
        ReportRepository.Counts counts = repository.counts(orgId, courseId, today());
        long enrolled = counts.enrolled();
        long completed = counts.completed();
        long scored = counts.scored();
        return new Summary(orgId, courseId, enrolled, counts.started(), completed,
                enrolled == 0 ? 0 : round(100.0 * completed / enrolled),
                counts.averageScore() == null ? null : round(counts.averageScore()),
                counts.bestScore(),
                scored == 0 ? null : round(100.0 * counts.passed() / scored),
                counts.overdue());
    }

    /** How many learners of the org completed (reached) each lesson, in the newest version's order. */
    public Funnel funnel(String orgId, String courseId) {
        CourseStructure latest = courses.latest(courseId)
                .orElseThrow(() -> new NotFoundException("There is no course '" + courseId + "'."));
        Map<String, Long> reached = repository.lessonsReached(orgId, courseId);
        List<FunnelStep> steps = new ArrayList<>();
        latest.lessons.stream().sorted(Comparator.comparingInt(CoursePublished.Lesson::position)).forEach(lesson ->
                steps.add(new FunnelStep(lesson.id(), lesson.title(), lesson.position(), reached.getOrDefault(lesson.id(), 0L))));
        // Lessons only older versions had still count for the learners on those versions.
        reached.keySet().stream().sorted()
                .filter(id -> latest.lessons.stream().noneMatch(lesson -> lesson.id().equals(id)))
                .forEach(id -> steps.add(new FunnelStep(id, null, null, reached.get(id))));
        long enrolled = repository.enrolled(orgId, courseId);
        return new Funnel(courseId, enrolled, steps);
    }

    public List<Mastery> mastery(String orgId, String courseId) {
        Map<PowerType, ReportRepository.PowerCount> byType = new EnumMap<>(PowerType.class);
        repository.power(orgId, courseId).forEach(count -> byType.put(count.powerType(), count));
        List<Mastery> mastery = new ArrayList<>();
        for (PowerType type : PowerType.values()) {
            ReportRepository.PowerCount count = byType.get(type);
            if (count == null) {
                mastery.add(new Mastery(type, type.isPositionPower(), 0, 0, null, null));
                continue;
            }
            long learners = count.learners();
            long mastered = count.mastered();
            long total = count.total();
            mastery.add(new Mastery(type, type.isPositionPower(), learners, mastered,
                    learners == 0 ? null : round(100.0 * mastered / learners),
                    total == 0 ? null : round(100.0 * count.correct() / total)));
        }
        return mastery;
    }

    public List<WeekCount> completionsPerWeek(String orgId, String courseId, int weeks) {
        if (weeks < 1 || weeks > config.reports().maxWeeks()) {
            throw new InvalidInputException("weeks must be between 1 and " + config.reports().maxWeeks() + ", not " + weeks + ".");
        }
        LocalDate thisWeek = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = thisWeek.minusWeeks(weeks - 1L);
        Map<LocalDate, Long> counts = repository.completionsByWeek(orgId, courseId, from.atStartOfDay(ZoneOffset.UTC).toInstant());
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
        ReportRepository.Filter query = query(filter);
        long total = repository.count(orgId, query, today());
        List<LearnerRow> rows = repository.page(orgId, query, today(), request.offset(), request.size()).stream()
                .map(ReportQueries::row).toList();
        return Page.of(rows, request, total);
    }

    /** Streams every row of the filtered list to the consumer in its own read transaction, a batch at a time. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void streamLearners(String orgId, ListFilter filter, Consumer<LearnerRow> consumer) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Stream<ReportRepository.Listed> rows = repository.stream(orgId, query(filter), today(),
                    config.reports().csvFetchSize())) {
                rows.map(ReportQueries::row).forEach(consumer);
            }
        });
    }

    private static ReportRepository.Filter query(ListFilter filter) {
        return new ReportRepository.Filter(filter.courseId(), filter.status(), filter.overdue(),
                ReportRepository.Column.valueOf(filter.sort().name()), filter.descending());
    }

    private static LearnerRow row(ReportRepository.Listed row) {
        return new LearnerRow(row.learnerId(), row.name(), row.courseId(), row.status(), row.percent(), row.lessonsDone(),
                row.lessonsTotal(), row.score(), row.bestScore(), row.quizzesPassed(), row.enrolledAt(), row.dueDate(),
                row.startedAt(), row.lastActivityAt(), row.completedAt());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
