package com.upward.progress.bench;

import com.upward.platform.web.PageParams;
import com.upward.platform.testing.TestTokens;
import com.upward.progress.domain.ProgressStatus;
import com.upward.progress.service.ReportQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a timed test: a repeatable benchmark of the admin reports over a read model of 100,000 learners with
 * full course activity, seeded by bulk SQL (generate_series). It issues real HTTP requests (token checks
 * included) against the running test application and prints p50/p95/max per report. Excluded from the
 * normal build; run it with the command in the README.
 */
@QuarkusTest
@Tag("benchmark")
class ReportBenchmark {

    static final int LEARNERS = Integer.getInteger("bench.learners", 100_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    static final int RUNS = Integer.getInteger("bench.runs", 200);
    static final String ORG = "bench-org";
    static final String COURSE = "bench-course";

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    ReportQueries reports;

    @Test
    void reportsOverOneHundredThousandLearners() throws IOException {
        long seedStart = System.nanoTime();
        seed();
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        String admin = TestTokens.admin("bench-admin", ORG);

        assertEquals(LEARNERS, RestAssured.given().auth().oauth2(admin).get("/api/v1/admin/reports/summary?courseId=" + COURSE)
                .then().statusCode(200).extract().jsonPath().getInt("enrolled"));

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("summary (org)", "/api/v1/admin/reports/summary");
        cases.put("summary (org + course)", "/api/v1/admin/reports/summary?courseId=" + COURSE);
        cases.put("learner list, page 0 of 50, by name", "/api/v1/admin/reports/learners?size=50");
        cases.put("learner list, page 100 of 50, by name", "/api/v1/admin/reports/learners?size=50&page=100");
        cases.put("learner list, status=OVERDUE, by due date", "/api/v1/admin/reports/learners?size=50&status=OVERDUE&sort=dueDate");
        cases.put("learner list, by score desc", "/api/v1/admin/reports/learners?size=50&sort=score&order=desc");
        if (Boolean.getBoolean("bench.all")) {
            // Not part of the goal; they read lesson_done and learner_power, which are 6 and 3 times larger.
            cases.put("lesson funnel", "/api/v1/admin/reports/lesson-funnel?courseId=" + COURSE);
            cases.put("power mastery", "/api/v1/admin/reports/power-mastery");
            cases.put("completions per week (12)", "/api/v1/admin/reports/completions-per-week");
        }

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Report benchmark: %,d learners, seeded in %,d ms; %d warm-up + %d measured requests each, one client thread.%n"
                        + "%-45s %9s %9s %9s%n", LEARNERS, seedMillis, WARMUP, RUNS, "request", "p50 ms", "p95 ms", "max ms"));
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            for (int i = 0; i < WARMUP; i++) {
                RestAssured.given().auth().oauth2(admin).get(entry.getValue()).then().statusCode(200);
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                RestAssured.given().auth().oauth2(admin).get(entry.getValue()).then().statusCode(200);
                millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            }
            Arrays.sort(millis);
            report.append(String.format(Locale.ROOT, "%-45s %9.1f %9.1f %9.1f%n", entry.getKey(),
                    percentile(millis, 50), percentile(millis, 95), millis[millis.length - 1]));
        }
        // The same reports timed in-process (service method + database, no HTTP, token or JSON), to tell the
        // query cost from the request overhead on a busy machine.
        report.append(String.format(Locale.ROOT, "%n%-45s %9s %9s %9s%n", "in-process service call", "p50 ms", "p95 ms", "max ms"));
        ReportQueries.ListFilter byName = new ReportQueries.ListFilter(null, null, null, ReportQueries.Sort.NAME, false);
        ReportQueries.ListFilter overdue = new ReportQueries.ListFilter(null, ProgressStatus.OVERDUE, null, ReportQueries.Sort.DUE_DATE, false);
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("summary (org)", () -> QuarkusTransaction.requiringNew().run(() -> reports.summary(ORG, null)));
        calls.put("learner list, page 0 of 50, by name",
                () -> QuarkusTransaction.requiringNew().run(() -> reports.learners(ORG, byName, new PageParams("0", "50"))));
        calls.put("learner list, status=OVERDUE, by due date",
                () -> QuarkusTransaction.requiringNew().run(() -> reports.learners(ORG, overdue, new PageParams("0", "50"))));
        for (Map.Entry<String, Runnable> call : calls.entrySet()) {
            for (int i = 0; i < WARMUP; i++) {
                call.getValue().run();
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                call.getValue().run();
                millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            }
            Arrays.sort(millis);
            report.append(String.format(Locale.ROOT, "%-45s %9.1f %9.1f %9.1f%n", call.getKey(),
                    percentile(millis, 50), percentile(millis, 95), millis[millis.length - 1]));
        }
        report.append(String.format(Locale.ROOT, "load average while measuring: %s%n",
                Files.readString(Path.of("/proc/loadavg")).trim()));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmark.txt"), report);
    }

    private static double percentile(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** 100,000 learners on a 12-lesson course: a quarter done, half in progress, a quarter not started; some overdue. */
    private void seed() {
        List<String> statements = new ArrayList<>();
        statements.add("DELETE FROM learner_course_summary WHERE org_id = '" + ORG + "'");
        statements.add("DELETE FROM learner_power WHERE org_id = '" + ORG + "'");
        statements.add("DELETE FROM report_counts WHERE org_id = '" + ORG + "'");
        statements.add("DELETE FROM lesson_done WHERE org_id = '" + ORG + "'");
        statements.add("DELETE FROM course_version WHERE course_id = '" + COURSE + "'");
        statements.add("""
                INSERT INTO course_version (course_id, version, title, published_at, lessons, quizzes)
                SELECT '%s', 1, 'Benchmark course', now(),
                    jsonb_agg(jsonb_build_object('id', 'lesson-' || n, 'module', 'm' || (n / 4), 'position', n,
                        'title', 'Lesson ' || n, 'required', true) ORDER BY n),
                    '[{"id":"quiz","title":"Quiz","passPercent":70,"required":true,"unlockedBy":[]}]'::jsonb
                FROM generate_series(1, 12) n""".formatted(COURSE));
        statements.add("""
                INSERT INTO learner_course_summary (learner_id, course_id, org_id, learner_name, version, status,
                    lessons_done, lessons_total, percent, next_lesson_id, score, best_score, quizzes_passed, enrolled_at,
                    due_date, started_at, last_activity_at, completed_at, certificate_id)
                SELECT 'bench-' || i, '%s', '%s', 'Learner ' || lpad(i::text, 6, '0'), 1,
                    CASE WHEN i %% 4 = 0 THEN 'COMPLETED' WHEN i %% 4 = 3 THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END,
                    done, 12, done * 100 / 12, CASE WHEN done < 12 THEN 'lesson-' || (done + 1) END,
                    CASE WHEN i %% 4 <> 3 THEN 40 + (i * 7919) %% 61 END, CASE WHEN i %% 4 <> 3 THEN 40 + (i * 7919) %% 61 END,
                    i %% 4 = 0, now() - interval '60 days',
                    CASE WHEN i %% 3 = 0 THEN current_date + (i %% 40) - 20 END,
                    CASE WHEN i %% 4 <> 3 THEN now() - interval '50 days' END,
                    CASE WHEN i %% 4 <> 3 THEN now() - (i %% 50) * interval '1 day' END,
                    CASE WHEN i %% 4 = 0 THEN now() - (i %% 50) * interval '1 day' END,
                    CASE WHEN i %% 4 = 0 THEN md5(i::text) END
                FROM (SELECT i, CASE WHEN i %% 4 = 0 THEN 12 WHEN i %% 4 = 3 THEN 0 ELSE i %% 12 END AS done
                      FROM generate_series(1, %d) i) learners""".formatted(COURSE, ORG, LEARNERS));
        statements.add("""
                INSERT INTO lesson_done (learner_id, org_id, course_id, version, lesson_id, completed_at)
                SELECT learner_id, org_id, course_id, 1, 'lesson-' || n, now() - interval '40 days'
                FROM learner_course_summary, generate_series(1, 12) n
                WHERE org_id = '%s' AND n <= lessons_done""".formatted(ORG));
        statements.add("""
                INSERT INTO learner_power (learner_id, course_id, org_id, power_type, correct, total, mastered)
                SELECT learner_id, course_id, org_id, t, (abs(hashtext(learner_id || t)) %% 5), 4,
                    abs(hashtext(learner_id || t)) %% 5 >= 3
                FROM learner_course_summary, unnest(ARRAY['ROLE', 'PENALTY', 'REPUTATION', 'EXPERTISE']) t
                WHERE org_id = '%s' AND score IS NOT NULL""".formatted(ORG));
        statements.add("""
                INSERT INTO report_counts (org_id, course_id, status, quizzes_passed, score, due_date, learners)
                SELECT org_id, course_id, status, quizzes_passed, coalesce(score, -1), coalesce(due_date, DATE '9999-12-31'),
                    count(*)
                FROM learner_course_summary WHERE org_id = '%s' GROUP BY 1, 2, 3, 4, 5, 6""".formatted(ORG));
        QuarkusTransaction.requiringNew().timeout(600).run(() ->
                statements.forEach(sql -> entityManager.createNativeQuery(sql).executeUpdate()));
        // As autovacuum would do in production: statistics, and the visibility map for index-only scans.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE learner_course_summary, learner_power, lesson_done, course_version, report_counts");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
