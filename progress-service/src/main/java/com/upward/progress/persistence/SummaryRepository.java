package com.upward.progress.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.web.JsonText;
import com.upward.progress.domain.ProgressSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * learner_course_summary: one row per learner and course, with the learner's progress page (the {@code progress}
 * JSONB column, a {@link ProgressSnapshot}) so that page is read from one row.
 */
@ApplicationScoped
public class SummaryRepository {

    /** What the learner's own page needs of their row; snapshot is null for a row written before the column. */
    public record Page(String orgId, LocalDate dueDate, Instant completedAt, String certificateId, Instant startedAt,
                       ProgressSnapshot snapshot) {
    }

    /** The row's report_counts dimensions as stored: no score is -1, no due date 9999-12-31. */
    public record Counted(String orgId, String status, boolean quizzesPassed, BigDecimal score, LocalDate dueDate) {
    }

    /** A whole row as written by the refresh; progress is the snapshot's JSON, or null. */
    public record Row(String learnerId, String courseId, String orgId, String learnerName, Integer version, String status,
                      int lessonsDone, int lessonsTotal, int percent, String nextLessonId, BigDecimal score,
                      BigDecimal bestScore, boolean quizzesPassed, Instant enrolledAt, LocalDate dueDate,
                      Instant startedAt, Instant lastActivityAt, Instant completedAt, String certificateId,
                      String progress) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** The learner's courses, in the order they began. */
    @SuppressWarnings("unchecked")
    public List<String> courseIds(String learnerId) {
        return entityManager.createNativeQuery("""
                        SELECT course_id FROM learner_course_summary WHERE learner_id = :learner
                        ORDER BY coalesce(started_at, enrolled_at), course_id""")
                .setParameter("learner", learnerId).getResultList();
    }

    public Optional<Page> page(String learnerId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT org_id, due_date, completed_at, certificate_id, started_at, CAST(progress AS TEXT)
                        FROM learner_course_summary WHERE learner_id = :learner AND course_id = :course""")
                .setParameter("learner", learnerId).setParameter("course", courseId).getResultList();
        return rows.stream().findFirst().map(row -> new Page(Rows.text(row[0]), Rows.localDate(row[1]),
                Rows.instant(row[2]), Rows.text(row[3]), Rows.instant(row[4]),
                row[5] == null ? null
                        : JsonText.read(mapper, Rows.text(row[5]), ProgressSnapshot.class, "A stored progress snapshot")));
    }

    public Optional<Counted> counted(String learnerId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT org_id, status, quizzes_passed, coalesce(score, -1), coalesce(due_date, DATE '9999-12-31')
                FROM learner_course_summary WHERE learner_id = :learner AND course_id = :course""")
                .setParameter("learner", learnerId).setParameter("course", courseId).getResultList();
        return rows.stream().findFirst().map(row -> new Counted(Rows.text(row[0]), Rows.text(row[1]), (Boolean) row[2],
                (BigDecimal) row[3], Rows.localDate(row[4])));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void put(Row row) {
        entityManager.createNativeQuery("""
                        INSERT INTO learner_course_summary (learner_id, course_id, org_id, learner_name, version, status,
                            lessons_done, lessons_total, percent, next_lesson_id, score, best_score, quizzes_passed,
                            enrolled_at, due_date, started_at, last_activity_at, completed_at, certificate_id, progress)
                        VALUES (:learner, :course, :org, :name, :version, :status, :done, :total, :percent, :next,
                            :score, :best, :passed, :enrolled, :due, :started, :last, :completed, :certificate,
                            CAST(:progress AS JSONB))
                        ON CONFLICT (learner_id, course_id) DO UPDATE SET org_id = EXCLUDED.org_id,
                            learner_name = EXCLUDED.learner_name, version = EXCLUDED.version, status = EXCLUDED.status,
                            lessons_done = EXCLUDED.lessons_done, lessons_total = EXCLUDED.lessons_total,
                            percent = EXCLUDED.percent, next_lesson_id = EXCLUDED.next_lesson_id,
                            score = EXCLUDED.score, best_score = EXCLUDED.best_score,
                            quizzes_passed = EXCLUDED.quizzes_passed, enrolled_at = EXCLUDED.enrolled_at,
                            due_date = EXCLUDED.due_date, started_at = EXCLUDED.started_at,
                            last_activity_at = EXCLUDED.last_activity_at, completed_at = EXCLUDED.completed_at,
                            certificate_id = EXCLUDED.certificate_id, progress = EXCLUDED.progress""")
                .setParameter("learner", row.learnerId()).setParameter("course", row.courseId())
                .setParameter("org", row.orgId())
                .setParameter("name", row.learnerName()).setParameter("version", row.version())
                .setParameter("status", row.status())
                .setParameter("done", row.lessonsDone()).setParameter("total", row.lessonsTotal())
                .setParameter("percent", row.percent()).setParameter("next", row.nextLessonId())
                .setParameter("score", row.score()).setParameter("best", row.bestScore())
                .setParameter("passed", row.quizzesPassed())
                .setParameter("enrolled", row.enrolledAt())
                .setParameter("due", row.dueDate())
                .setParameter("started", row.startedAt()).setParameter("last", row.lastActivityAt())
                .setParameter("completed", row.completedAt())
                .setParameter("certificate", row.certificateId())
                .setParameter("progress", row.progress())
                .executeUpdate();
    }

    /** Removes the learner's row of the course (nothing here makes them part of it any more). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String learnerId, String courseId) {
        entityManager.createNativeQuery("DELETE FROM learner_course_summary WHERE learner_id = :learner AND course_id = :course")
                .setParameter("learner", learnerId).setParameter("course", courseId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rename(String learnerId, String displayName) {
        entityManager.createNativeQuery("UPDATE learner_course_summary SET learner_name = :name WHERE learner_id = :learner")
                .setParameter("name", displayName).setParameter("learner", learnerId).executeUpdate();
    }

    /** The snapshot as stored in the progress column. */
    public String json(ProgressSnapshot snapshot) {
        return JsonText.write(mapper, snapshot);
    }
}
