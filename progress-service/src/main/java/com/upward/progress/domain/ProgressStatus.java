package com.upward.progress.domain;

import java.time.LocalDate;

/** Where a learner stands in a course. OVERDUE: assigned with a due date that has passed, and not completed. */
public enum ProgressStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, OVERDUE;

    /** The rule, for one learner and course on the given day. */
    public static ProgressStatus of(boolean completed, boolean started, LocalDate dueDate, LocalDate today) {
        if (completed) {
            return COMPLETED;
        }
        if (dueDate != null && dueDate.isBefore(today)) {
            return OVERDUE;
        }
        return started ? IN_PROGRESS : NOT_STARTED;
    }
}
