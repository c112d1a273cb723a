package com.upward.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (down, restarting, no connection free in the pool) from any
 * other failure: the first passes by itself, so a caller is told to come back (503), not that we broke (500).
 */
public final class DatabaseUnavailable {

    /** Agroal signals an exhausted pool with a plain SQLException that has no SQLState, only this message. */
    private static final String POOL_ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseUnavailable() {
    }

    /** True when the failure, or anything it wraps, says the database is out of reach for now. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (unavailableState(sql.getSQLState())
                    || (sql.getMessage() != null && sql.getMessage().contains(POOL_ACQUISITION_TIMEOUT)))) {
                return true;
            }
        }
        return false;
    }

    /** Class 08 (connection exception), and 57P01-57P03: the server is shutting down or not yet accepting. */
    static boolean unavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
