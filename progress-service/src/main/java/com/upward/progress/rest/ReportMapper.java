package com.upward.progress.rest;

import com.upward.platform.web.Page;
import com.upward.progress.rest.ReportViews.Funnel;
import com.upward.progress.rest.ReportViews.FunnelStep;
import com.upward.progress.rest.ReportViews.LearnerRow;
import com.upward.progress.rest.ReportViews.Mastery;
import com.upward.progress.rest.ReportViews.Summary;
import com.upward.progress.rest.ReportViews.WeekCount;
import com.upward.progress.service.ReportQueries;
import com.upward.progress.service.XapiDeliveries;

import java.util.List;

/** From what {@link ReportQueries} and {@link XapiDeliveries} return to the report API's records. */
public final class ReportMapper {

    private ReportMapper() {
    }

    public static Summary view(ReportQueries.Summary s) {
        return new Summary(s.orgId(), s.courseId(), s.enrolled(), s.started(), s.completed(), s.completionRate(),
                s.averageScore(), s.bestScore(), s.passRate(), s.overdue());
    }

    public static Funnel view(ReportQueries.Funnel f) {
        return new Funnel(f.courseId(), f.enrolled(), f.lessons().stream()
                .map(l -> new FunnelStep(l.lessonId(), l.title(), l.position(), l.learners())).toList());
    }

    public static List<Mastery> mastery(List<ReportQueries.Mastery> mastery) {
        return mastery.stream().map(m -> new Mastery(m.powerType(), m.positionPower(), m.learners(), m.mastered(),
                m.masteryRate(), m.percentCorrect())).toList();
    }

    public static List<WeekCount> weeks(List<ReportQueries.WeekCount> weeks) {
        return weeks.stream().map(w -> new WeekCount(w.weekStarting(), w.completions())).toList();
    }

    public static LearnerRow view(ReportQueries.LearnerRow row) {
        return new LearnerRow(row.learnerId(), row.name(), row.courseId(), ProgressMapper.status(row.status()),
                row.percent(), row.lessonsCompleted(), row.lessonsTotal(), row.score(), row.bestScore(),
                row.quizzesPassed(), row.enrolledAt(), row.dueDate(), row.startedAt(), row.lastActivityAt(),
                row.completedAt());
    }

    public static Page<LearnerRow> view(Page<ReportQueries.LearnerRow> page) {
        return new Page<>(page.items().stream().map(ReportMapper::view).toList(), page.page(), page.size(),
                page.totalItems(), page.totalPages());
    }

    public static DeliveryViews.Summary view(XapiDeliveries.Summary s) {
        return new DeliveryViews.Summary(s.lrsConfigured(), s.pending(), s.sent(), s.failed(), s.lastError(),
                s.lastErrorAt());
    }
}
