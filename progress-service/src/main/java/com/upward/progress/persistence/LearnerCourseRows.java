package com.upward.progress.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.QuizAttemptScored.GradingMethod;
import com.upward.platform.events.contract.QuizAttemptScored.PowerScore;
import com.upward.platform.web.JsonText;
import com.upward.progress.domain.CourseState.Attempt;
import com.upward.progress.domain.CourseState.PowerTotal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows one refresh of a learner's course reads and writes, each group in one round trip to PostgreSQL on the
 * transaction's own connection: the locks, everything stored about the learner in the course, and the read model's
 * new rows with the notice. A refresh follows every event, and at thirty a second the dozen round trips it took
 * one by one (each a wake-up of the service and of PostgreSQL on a busy machine, and each through Hibernate's
 * native query machinery, see {@link TransactionJdbc}) were most of the work of an event.
 */
@ApplicationScoped
public class LearnerCourseRows {

    private static final TypeReference<Map<PowerType, PowerScore>> POWER_SCORES = new TypeReference<>() {
    };

    /**
     * The course (shared: a new version of it takes it exclusively), the learner's course (one refresh at a time),
     * the learner's name (shared: a new name takes it exclusively), always in this order. Evaluated left to right.
     */
    private static final String LOCKS = """
            SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 2)), pg_advisory_xact_lock(hashtextextended(?, 0)),
                pg_advisory_xact_lock_shared(hashtextextended(?, 1))""";

    private static final int READS = 9;

    /** Nine reads in one round trip (the driver sends them together); each takes the learner, then the course. */
    private static final String STORED = """
            SELECT org_id, enrolled_at, due_date FROM enrolment WHERE learner_id = ? AND course_id = ?;
            SELECT EXISTS (SELECT 1 FROM pending_enrolment WHERE learner_id = ? AND course_id = ?);
            SELECT certificate_id, completed_at FROM certificate WHERE learner_id = ? AND course_id = ?;
            SELECT org_id, version, started_at FROM learner_course WHERE learner_id = ? AND course_id = ?;
            SELECT version, lesson_id, completed_at FROM lesson_done WHERE learner_id = ? AND course_id = ?;
            SELECT attempt_id, quiz_id, attempt_number, percent, submitted_at, grading_method, graded_attempt_id, org_id,
                CAST(by_power_type AS TEXT) FROM quiz_attempt WHERE learner_id = ? AND course_id = ?;
            SELECT (SELECT display_name FROM learner_profile WHERE learner_id = ?),
                (SELECT max(version) FROM course_version WHERE course_id = ?);
            SELECT org_id, status, quizzes_passed, coalesce(score, -1), coalesce(due_date, DATE '9999-12-31')
                FROM learner_course_summary WHERE learner_id = ? AND course_id = ?;
            SELECT power_type, correct, total, mastered FROM learner_power WHERE learner_id = ? AND course_id = ?""";

    private static final String PUT_SUMMARY = """
            INSERT INTO learner_course_summary (learner_id, course_id, org_id, learner_name, version, status,
                lessons_done, lessons_total, percent, next_lesson_id, score, best_score, quizzes_passed,
                enrolled_at, due_date, started_at, last_activity_at, completed_at, certificate_id, progress)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))
            ON CONFLICT (learner_id, course_id) DO UPDATE SET org_id = EXCLUDED.org_id,
                learner_name = EXCLUDED.learner_name, version = EXCLUDED.version, status = EXCLUDED.status,
                lessons_done = EXCLUDED.lessons_done, lessons_total = EXCLUDED.lessons_total,
                percent = EXCLUDED.percent, next_lesson_id = EXCLUDED.next_lesson_id,
                score = EXCLUDED.score, best_score = EXCLUDED.best_score,
                quizzes_passed = EXCLUDED.quizzes_passed, enrolled_at = EXCLUDED.enrolled_at,
                due_date = EXCLUDED.due_date, started_at = EXCLUDED.started_at,
                last_activity_at = EXCLUDED.last_activity_at, completed_at = EXCLUDED.completed_at,
                certificate_id = EXCLUDED.certificate_id, progress = EXCLUDED.progress""";

    private static final String REMOVE_SUMMARY = "DELETE FROM learner_course_summary WHERE learner_id = ? AND course_id = ?";

    private static final String COUNT_KEY = " WHERE org_id = ? AND course_id = ? AND status = ? AND quizzes_passed = ?"
            + " AND score = ? AND due_date = ?";

    private static final String INCREMENT = """
            INSERT INTO report_counts (org_id, course_id, status, quizzes_passed, score, due_date, learners)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (org_id, course_id, status, quizzes_passed, score, due_date)
            DO UPDATE SET learners = report_counts.learners + 1""";

    /**
     * The last learner of a key removes its row (no zero rows, so a rebuild gives the same table). The row is locked
     * first, so the two statements after it (each reading what was committed before it) see the same count.
     */
    private static final String DECREMENT = "SELECT learners FROM report_counts" + COUNT_KEY + " FOR UPDATE;\n"
            + "DELETE FROM report_counts" + COUNT_KEY + " AND learners = 1;\n"
            + "UPDATE report_counts SET learners = learners - 1" + COUNT_KEY + " AND learners > 1";

    /** The learner's rows in the course become the given ones: rows of other power types go, unchanged ones stay. */
    private static final String REPLACE_POWER = """
            WITH given AS (
                SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS numeric[]), CAST(? AS int[]), CAST(? AS boolean[]))
                    AS t(power_type, correct, total, mastered)),
            gone AS (
                DELETE FROM learner_power WHERE learner_id = ? AND course_id = ?
                    AND power_type NOT IN (SELECT power_type FROM given))
            INSERT INTO learner_power (learner_id, course_id, org_id, power_type, correct, total, mastered)
            SELECT ?, ?, ?, power_type, correct, total, mastered FROM given
            ON CONFLICT (learner_id, course_id, power_type) DO UPDATE
                SET org_id = EXCLUDED.org_id, correct = EXCLUDED.correct, total = EXCLUDED.total,
                    mastered = EXCLUDED.mastered
                WHERE (learner_power.org_id, learner_power.correct, learner_power.total, learner_power.mastered)
                    IS DISTINCT FROM (EXCLUDED.org_id, EXCLUDED.correct, EXCLUDED.total, EXCLUDED.mastered)""";

    private static final String NOTICE = "SELECT pg_notify(?, ?)";

    /** A row of report_counts: its dimensions (no score is -1, no due date 9999-12-31, as stored). */
    public record CountKey(String orgId, String courseId, String status, boolean passed, BigDecimal score, LocalDate due) {
    }

    /** What the service stores of a learner in a course. */
    public record Stored(Optional<EnrolmentRepository.Held> enrolment, boolean pendingEnrolment,
                         Optional<CertificateRepository.Held> certificate, Optional<LearnerCourseRepository.Started> started,
                         Map<Integer, Map<String, Instant>> lessonsDoneByVersion, List<StoredAttempt> attempts,
                         String displayName, Integer latestVersion, Optional<SummaryRepository.Counted> counted,
                         Map<PowerType, PowerTotal> power) {
    }

    private record NameAndLatestVersion(String displayName, Integer latestVersion) {
    }

    /** An attempt as stored: its scores per power type still as text, parsed only for the attempts that count. */
    public record StoredAttempt(Attempt attempt, String orgId, String byPowerType) {
    }

    /** The read model's rows after a refresh: the summary (null: remove it), the count to move, the power rows. */
    public record Changes(SummaryRepository.Row summary, CountKey countBefore,
                          CountKey countNow, Map<PowerType, PowerTotal> powerBefore,
                          Map<PowerType, PowerTotal> powerNow) {
    }

    @Inject
    TransactionJdbc jdbc;

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String learnerId, String courseId) {
        jdbc.work(connection -> {
            try (PreparedStatement locks = connection.prepareStatement(LOCKS)) {
                locks.setString(1, courseId);
                locks.setString(2, learnerId + " " + courseId);
                locks.setString(3, learnerId);
                locks.executeQuery().close();
            }
            return null;
        });
    }

    public Stored stored(String learnerId, String courseId) {
        return jdbc.work(connection -> {
            try (PreparedStatement reads = connection.prepareStatement(STORED)) {
                for (int parameter = 1; parameter < 2 * READS; parameter += 2) {
                    reads.setString(parameter, learnerId);
                    reads.setString(parameter + 1, courseId);
                }
                reads.execute();
                Results results = new Results(reads);
                Optional<EnrolmentRepository.Held> enrolment = results.first(row -> new EnrolmentRepository.Held(
                        row.getString(1), TransactionJdbc.instant(row, 2), TransactionJdbc.localDate(row, 3)));
                boolean pending = results.first(row -> row.getBoolean(1)).orElse(false);
                Optional<CertificateRepository.Held> certificate = results.first(row -> new CertificateRepository.Held(
                        row.getString(1), TransactionJdbc.instant(row, 2)));
                Optional<LearnerCourseRepository.Started> started = results.first(row -> new LearnerCourseRepository.Started(
                        row.getString(1), row.getInt(2), TransactionJdbc.instant(row, 3)));
                Map<Integer, Map<String, Instant>> lessonsDone = new HashMap<>();
                results.each(row -> lessonsDone.computeIfAbsent(row.getInt(1), version -> new HashMap<>())
                        .put(row.getString(2), TransactionJdbc.instant(row, 3)));
                List<StoredAttempt> attempts = new ArrayList<>();
                results.each(row -> attempts.add(new StoredAttempt(new Attempt(row.getString(1), row.getString(2),
                        row.getInt(3), row.getBigDecimal(4).doubleValue(), TransactionJdbc.instant(row, 5), Map.of(),
                        GradingMethod.valueOf(row.getString(6)), row.getString(7)), row.getString(8), row.getString(9))));
                // Two scalar subqueries: always one row, each value null when there is none.
                NameAndLatestVersion named = results.first(row -> new NameAndLatestVersion(row.getString(1),
                        row.getObject(2, Integer.class))).orElseThrow();
                Optional<SummaryRepository.Counted> counted = results.first(row -> new SummaryRepository.Counted(
                        row.getString(1), row.getString(2), row.getBoolean(3), row.getBigDecimal(4), TransactionJdbc.localDate(row, 5)));
                Map<PowerType, PowerTotal> power = new EnumMap<>(PowerType.class);
                results.each(row -> power.put(PowerType.valueOf(row.getString(1)),
                        new PowerTotal(row.getBigDecimal(2).doubleValue(), row.getInt(3), row.getBoolean(4))));
                return new Stored(enrolment, pending, certificate, started, lessonsDone, List.copyOf(attempts),
                        named.displayName(), named.latestVersion(), counted, power);
            }
        });
    }

    /** The scores per power type of these attempts only, parsed from what {@link #stored} read. */
    public List<Attempt> withScores(List<StoredAttempt> attempts, Set<String> counting) {
        return attempts.stream().map(stored -> counting.contains(stored.attempt().attemptId())
                ? stored.attempt().withScores(JsonText.read(mapper, stored.byPowerType(), POWER_SCORES, "A stored by_power_type"))
                : stored.attempt()).toList();
    }

    /**
     * Writes the refresh's result and tells waiting readers, in one round trip: the summary, the report count moved
     * from its old key to its new one (in key order, so two learners moving between the same keys in opposite
     * directions cannot deadlock), the power rows when they changed, and the notice (heard once this commits).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String learnerId, String courseId, String orgId, Changes changes) {
        List<String> statements = new ArrayList<>();
        List<Binder> binders = new ArrayList<>();
        if (changes.summary() == null) {
            statements.add(REMOVE_SUMMARY);
            binders.add((statement, at) -> {
                statement.setString(at, learnerId);
                statement.setString(at + 1, courseId);
                return at + 2;
            });
        } else {
            statements.add(PUT_SUMMARY);
            binders.add((statement, at) -> bindSummary(statement, at, changes.summary()));
        }
        CountKey before = changes.countBefore();
        CountKey now = changes.countNow();
        if (!sameKey(before, now)) {
            boolean beforeFirst = before != null && (now == null || sortKey(before).compareTo(sortKey(now)) < 0);
            if (beforeFirst) {
                addCount(statements, binders, false, before);
            }
            if (now != null) {
                addCount(statements, binders, true, now);
            }
            if (before != null && !beforeFirst) {
                addCount(statements, binders, false, before);
            }
        }
        if (!changes.powerNow().equals(changes.powerBefore())) {
            statements.add(REPLACE_POWER);
            binders.add((statement, at) -> bindPower(statement, at, learnerId, courseId, orgId, changes.powerNow()));
        }
        statements.add(NOTICE);
        binders.add((statement, at) -> {
            statement.setString(at, ProgressNotices.CHANNEL);
            statement.setString(at + 1, learnerId);
            return at + 2;
        });
        jdbc.work(connection -> {
            try (PreparedStatement writes = connection.prepareStatement(String.join(";\n", statements))) {
                int at = 1;
                for (Binder binder : binders) {
                    at = binder.bind(writes, at);
                }
                writes.execute();
                // Every statement's result is read, so a failure in any of them is thrown here.
                while (writes.getMoreResults() || writes.getUpdateCount() != -1) {
                    // nothing to read: the writes' counts are not needed
                }
            }
            return null;
        });
    }

    private static boolean sameKey(CountKey key, CountKey other) {
        if (key == null || other == null) {
            return key == other;
        }
        return key.orgId().equals(other.orgId()) && key.courseId().equals(other.courseId())
                && key.status().equals(other.status()) && key.passed() == other.passed()
                && key.score().compareTo(other.score()) == 0 && key.due().equals(other.due());
    }

    private static String sortKey(CountKey key) {
        return String.join("\u0001", key.orgId(), key.courseId(), key.status(), Boolean.toString(key.passed()),
                key.score().toPlainString(), key.due().toString());
    }

    private static void addCount(List<String> statements, List<Binder> binders, boolean increment,
                                 CountKey key) {
        statements.add(increment ? INCREMENT : DECREMENT);
        int keys = increment ? 1 : 3;
        binders.add((statement, at) -> {
            for (int k = 0; k < keys; k++) {
                statement.setString(at++, key.orgId());
                statement.setString(at++, key.courseId());
                statement.setString(at++, key.status());
                statement.setBoolean(at++, key.passed());
                statement.setBigDecimal(at++, key.score());
                statement.setObject(at++, key.due());
            }
            return at;
        });
    }

    private static int bindSummary(PreparedStatement statement, int at, SummaryRepository.Row row) throws SQLException {
        statement.setString(at++, row.learnerId());
        statement.setString(at++, row.courseId());
        statement.setString(at++, row.orgId());
        statement.setString(at++, row.learnerName());
        statement.setObject(at++, row.version(), Types.INTEGER);
        statement.setString(at++, row.status());
        statement.setInt(at++, row.lessonsDone());
        statement.setInt(at++, row.lessonsTotal());
        statement.setInt(at++, row.percent());
        statement.setString(at++, row.nextLessonId());
        statement.setBigDecimal(at++, row.score());
        statement.setBigDecimal(at++, row.bestScore());
        statement.setBoolean(at++, row.quizzesPassed());
        statement.setTimestamp(at++, TransactionJdbc.timestamp(row.enrolledAt()));
        statement.setObject(at++, row.dueDate(), Types.DATE);
        statement.setTimestamp(at++, TransactionJdbc.timestamp(row.startedAt()));
        statement.setTimestamp(at++, TransactionJdbc.timestamp(row.lastActivityAt()));
        statement.setTimestamp(at++, TransactionJdbc.timestamp(row.completedAt()));
        statement.setString(at++, row.certificateId());
        statement.setString(at++, row.progress());
        return at;
    }

    private static int bindPower(PreparedStatement statement, int at, String learnerId, String courseId, String orgId,
                                 Map<PowerType, PowerTotal> power) throws SQLException {
        List<Map.Entry<PowerType, PowerTotal>> rows = List.copyOf(power.entrySet());
        Connection connection = statement.getConnection();
        statement.setArray(at++, connection.createArrayOf("text", rows.stream().map(row -> row.getKey().name()).toArray()));
        statement.setArray(at++, connection.createArrayOf("numeric",
                rows.stream().map(row -> BigDecimal.valueOf(row.getValue().correct())).toArray()));
        statement.setArray(at++, connection.createArrayOf("int4", rows.stream().map(row -> row.getValue().total()).toArray()));
        statement.setArray(at++, connection.createArrayOf("bool", rows.stream().map(row -> row.getValue().mastered()).toArray()));
        statement.setString(at++, learnerId);
        statement.setString(at++, courseId);
        statement.setString(at++, learnerId);
        statement.setString(at++, courseId);
        statement.setString(at++, orgId);
        return at;
    }

    @FunctionalInterface
    private interface Binder {
        /** Binds the statement's parameters from {@code at} on; returns the next free one. */
        int bind(PreparedStatement statement, int at) throws SQLException;
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /** The results of a multi-statement read, taken in order. */
    private static final class Results {

        private final PreparedStatement statement;
        private boolean first = true;

        Results(PreparedStatement statement) {
            this.statement = statement;
        }

        <T> Optional<T> first(TransactionJdbc.RowReader<T> reader) throws SQLException {
            try (ResultSet rows = next()) {
                return rows.next() ? Optional.ofNullable(reader.read(rows)) : Optional.empty();
            }
        }

        void each(RowConsumer consumer) throws SQLException {
            try (ResultSet rows = next()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        }

        private ResultSet next() throws SQLException {
            if (!first && !statement.getMoreResults()) {
                throw new SQLException("the refresh's reads returned fewer results than they are");
            }
            first = false;
            return statement.getResultSet();
        }
    }
}
