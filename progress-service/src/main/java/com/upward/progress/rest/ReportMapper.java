package com.upward.progress.rest;

import com.upward.platform.web.Page;
import com.upward.progress.rest.ReportViews.LearnerRow;
import com.upward.progress.service.ReportQueries;

/**
 * From what {@link ReportQueries} returns to the report API's records where the two differ: a learner row names the
 * API's {@code Status}. The other reports' records, and the xAPI delivery summary, are the service's own.
 */
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
        return page.map(ReportMapper::view);
    }
}
