package com.upward.progress.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;

/** quiz_attempt: every scored attempt, from upward.quiz.attempt-scored. */
@ApplicationScoped
public class QuizAttemptRepository {

    @Inject
    TransactionJdbc jdbc;

    @Inject
    ObjectMapper mapper;

    /** True the first time the attempt is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(QuizAttemptScored attempt) {
        return jdbc.update("""
                        INSERT INTO quiz_attempt (attempt_id, learner_id, org_id, course_id, quiz_id, attempt_number,
                            percent, passed, by_power_type, submitted_at, grading_method, graded_attempt_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?)
                        ON CONFLICT (attempt_id) DO NOTHING""", statement -> {
            statement.setString(1, attempt.attemptId());
            statement.setString(2, attempt.learnerId());
            statement.setString(3, attempt.orgId());
            statement.setString(4, attempt.courseId());
            statement.setString(5, attempt.quizId());
            statement.setInt(6, attempt.attemptNumber());
            statement.setBigDecimal(7, BigDecimal.valueOf(attempt.percent()));
            statement.setBoolean(8, attempt.passed());
            statement.setString(9, JsonText.write(mapper, attempt.byPowerType()));
            statement.setTimestamp(10, TransactionJdbc.timestamp(attempt.submittedAt()));
            statement.setString(11, attempt.gradingMethod().name());
            statement.setString(12, attempt.gradedAttemptId());
        }) > 0;
    }
}
