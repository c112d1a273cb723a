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
    TransactionJdbc jdbc;

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
        return jdbc.list("""
                        SELECT org_id, due_date, completed_at, certificate_id, started_at, CAST(progress AS TEXT)
                        FROM learner_course_summary WHERE learner_id = ? AND course_id = ?""", statement -> {
            statement.setString(1, learnerId);
            statement.setString(2, courseId);
        }, row -> {
            String snapshot = row.getString(6);
            return new Page(row.getString(1), TransactionJdbc.localDate(row, 2), TransactionJdbc.instant(row, 3),
                    row.getString(4), TransactionJdbc.instant(row, 5), snapshot == null ? null
                    : JsonText.read(mapper, snapshot, ProgressSnapshot.class, "A stored progress snapshot"));
        }).stream().findFirst();
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
