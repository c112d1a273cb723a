package com.upward.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a progress-service database directly: the read model is what the test compares, not an API page of it. */
final class ProgressDb {

    static final String MAIN = "upward_progress";

    private ProgressDb() {
    }

    /** Every completed lesson of the learners whose id starts with {@code prefix}, as "learner/lesson". */
    static Set<String> lessonsDone(String database, String prefix) {
        Set<String> done = new HashSet<>();
        query(database, "SELECT learner_id, lesson_id FROM lesson_done WHERE learner_id LIKE ?", prefix + "%",
                row -> done.add(row.getString(1) + "/" + row.getString(2)));
        return done;
    }

    /** The lesson count each learner's summary shows: a completion applied twice would show here. */
    static Map<String, Integer> summaryLessonCounts(String database, String prefix) {
        Map<String, Integer> counts = new HashMap<>();
        query(database, "SELECT learner_id, lessons_done FROM learner_course_summary WHERE learner_id LIKE ?", prefix + "%",
                row -> counts.put(row.getString(1), row.getInt(2)));
        return counts;
    }

    /** The summary rows of those learners, whole (status, counts, percent, next lesson), for set comparison. */
    static Set<String> summaries(String database, String prefix) {
        Set<String> rows = new HashSet<>();
        query(database, "SELECT learner_id, course_id, org_id, version, status, lessons_done, lessons_total, percent, "
                        + "next_lesson_id FROM learner_course_summary WHERE learner_id LIKE ?", prefix + "%",
                row -> rows.add(String.join("|", row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9))));
        return rows;
    }

    /** The inbox's event ids that start with {@code prefix}, in the order they were applied. */
    static List<String> appliedEventIds(String database, String prefix) {
        List<String> ids = new ArrayList<>();
        query(database, "SELECT event_id FROM inbox_event WHERE event_id LIKE ? ORDER BY received_at, event_id", prefix + "%",
                row -> ids.add(row.getString(1)));
        return ids;
    }

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs a query with text parameters (none or more) on any of the stack's databases (the scale-out test reads several). */
    static void query(String database, String sql, String parameter, RowReader reader) {
        query(database, sql, reader, parameter);
    }

    static void query(String database, String sql, RowReader reader, String... parameters) {
        try (Connection connection = DriverManager.getConnection(FaultStack.stack().jdbcUrl(database), "postgres", "postgres");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + database + ": " + e.getMessage(), e);
        }
    }
}
