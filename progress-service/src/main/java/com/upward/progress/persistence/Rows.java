package com.upward.progress.persistence;

import java.time.Instant;
import java.time.LocalDate;

/** Reading a native query's column: the one place that knows how the driver hands each type back. */
final class Rows {

    private Rows() {
    }

    static String text(Object value) {
        return (String) value;
    }

    static Instant instant(Object value) {
        return (Instant) value;
    }

    static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    static int integer(Object value) {
        return ((Number) value).intValue();
    }

    static long count(Object value) {
        return ((Number) value).longValue();
    }

    static double decimal(Object value) {
        return ((Number) value).doubleValue();
    }

    static Double nullableDecimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
