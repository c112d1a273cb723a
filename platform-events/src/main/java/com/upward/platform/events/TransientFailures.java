package com.upward.platform.events;

import com.upward.platform.web.DatabaseUnavailable;

import java.sql.SQLException;
import java.util.Set;

/** Failures that pass by themselves: the event is tried again, never dead-lettered for them. */
final class TransientFailures {

    /** Serialization failure, deadlock, lock not available (lock_timeout), statement cancelled (statement_timeout). */
    private static final Set<String> PASSING_STATES = Set.of("40001", "40P01", "55P03", "57014");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        if (DatabaseUnavailable.isCause(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && PASSING_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
