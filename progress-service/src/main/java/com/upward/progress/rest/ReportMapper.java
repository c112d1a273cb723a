package com.upward.progress.rest;

import com.upward.platform.web.Page;
import com.upward.progress.rest.ReportViews.LearnerRow;
import com.upward.progress.service.ReportQueries;

/** From what {@link ReportQueries} returns to the report API's records. */
public final class ReportMapper {

    private ReportMapper() {
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
}
