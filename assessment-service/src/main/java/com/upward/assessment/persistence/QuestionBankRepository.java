package com.upward.assessment.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.bank.BankDocument;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.Quiz;
import com.upward.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The questions and quizzes as PostgreSQL holds them, with their keys: only the scoring reads the keys. */
@ApplicationScoped
public class QuestionBankRepository {

    /** A quiz and the course it belongs to (the bank's course). */
    public record StoredQuiz(String courseId, Quiz quiz) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    /** Stores a validated bank, in the caller's transaction; false when this exact content was already loaded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(BankDocument bank, String sha256) {
        // One loader at a time per course, so two instances starting together do not interleave.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "question-bank:" + bank.courseId()).getSingleResult();
        List<?> loaded = entityManager.createNativeQuery("SELECT sha256 FROM question_bank_load WHERE course_id = :course")
                .setParameter("course", bank.courseId()).getResultList();
        if (!loaded.isEmpty() && sha256.equals(loaded.get(0))) {
            return false;
        }
        for (Question q : bank.questions()) {
            entityManager.createNativeQuery("""
                            INSERT INTO question (id, course_id, type, lesson_id, power_types, body)
                            VALUES (:id, :course, :type, :lesson, CAST(:powerTypes AS jsonb), CAST(:body AS jsonb))
                            ON CONFLICT (id) DO UPDATE SET course_id = EXCLUDED.course_id, type = EXCLUDED.type,
                                lesson_id = EXCLUDED.lesson_id, power_types = EXCLUDED.power_types, body = EXCLUDED.body""")
                    .setParameter("id", q.id()).setParameter("course", bank.courseId()).setParameter("type", q.type().name())
                    .setParameter("lesson", q.lessonId()).setParameter("powerTypes", JsonText.write(mapper, q.powerTypes()))
                    .setParameter("body", JsonText.write(mapper, q)).executeUpdate();
        }
        for (Quiz quiz : bank.quizzes()) {
            entityManager.createNativeQuery("""
                            INSERT INTO quiz (id, course_id, title, kind, pass_percent, question_count, body)
                            VALUES (:id, :course, :title, :kind, :pass, :count, CAST(:body AS jsonb))
                            ON CONFLICT (id) DO UPDATE SET course_id = EXCLUDED.course_id, title = EXCLUDED.title,
                                kind = EXCLUDED.kind, pass_percent = EXCLUDED.pass_percent,
                                question_count = EXCLUDED.question_count, body = EXCLUDED.body""")
                    .setParameter("id", quiz.id()).setParameter("course", bank.courseId()).setParameter("title", quiz.title())
                    .setParameter("kind", quiz.kind()).setParameter("pass", quiz.passPercent())
                    .setParameter("count", quiz.questionCount()).setParameter("body", JsonText.write(mapper, quiz)).executeUpdate();
        }
        entityManager.createNativeQuery("""
                        INSERT INTO question_bank_load (course_id, sha256, loaded_at) VALUES (:course, :sha, :now)
                        ON CONFLICT (course_id) DO UPDATE SET sha256 = EXCLUDED.sha256, loaded_at = EXCLUDED.loaded_at""")
                .setParameter("course", bank.courseId()).setParameter("sha", sha256).setParameter("now", clock.instant())
                .executeUpdate();
        return true;
    }

    public Optional<StoredQuiz> quiz(String quizId) {
        List<?> rows = entityManager.createNativeQuery("SELECT course_id, CAST(body AS text) FROM quiz WHERE id = :id")
                .setParameter("id", quizId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new StoredQuiz((String) row[0], JsonText.read(mapper, (String) row[1], Quiz.class, "A stored Quiz")));
    }

    /** The questions with these ids, in the order asked. */
    public Map<String, Question> questions(Collection<String> ids) {
        Map<String, Question> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(body AS text) FROM question WHERE id IN (:ids)")
                .setParameter("ids", ids).getResultList();
        Map<String, Question> byId = new LinkedHashMap<>();
        for (Object row : rows) {
            Question q = JsonText.read(mapper, (String) row, Question.class, "A stored Question");
            byId.put(q.id(), q);
        }
        ids.forEach(id -> {
            if (byId.containsKey(id)) {
                found.put(id, byId.get(id));
            }
        });
        return found;
    }

    /** Every question of a course, for drawing from pools. */
    public List<Question> questionsOfCourse(String courseId) {
        List<?> rows = entityManager.createNativeQuery("SELECT CAST(body AS text) FROM question WHERE course_id = :course ORDER BY id")
                .setParameter("course", courseId).getResultList();
        return rows.stream().map(row -> JsonText.read(mapper, (String) row, Question.class, "A stored Question")).toList();
    }
}
