package com.upward.assessment.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.bank.BankDocument;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.Quiz;
import com.upward.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

    @Inject
    TransactionSynchronizationRegistry transaction;

    private volatile LoadedBank cached;

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
        return Optional.ofNullable(loaded().quizzes().get(quizId));
    }

    /** The questions with these ids, in the order asked. */
    public Map<String, Question> questions(Collection<String> ids) {
        Map<String, Question> all = loaded().questions();
        Map<String, Question> found = new LinkedHashMap<>();
        ids.forEach(id -> {
            Question question = all.get(id);
            if (question != null) {
                found.put(id, question);
            }
        });
        return found;
    }

    /** Every question of a course, for drawing from pools. */
    public List<Question> questionsOfCourse(String courseId) {
        return loaded().byCourse().getOrDefault(courseId, List.of());
    }

    /**
     * The bank as last loaded, parsed once and shared: the questions only change when a bank file is loaded, so a
     * read checks that no load happened since (one short query per transaction) instead of reading and parsing
     * the questions of an attempt several times per request. Another instance's load is seen at its next check.
     */
    private LoadedBank loaded() {
        boolean inTransaction = transaction.getTransactionKey() != null;
        if (inTransaction && transaction.getResource(LoadedBank.class) instanceof LoadedBank checked) {
            return checked;
        }
        String version = (String) entityManager.createNativeQuery("""
                        SELECT coalesce(string_agg(course_id || ':' || sha256, ',' ORDER BY course_id), '')
                        FROM question_bank_load""").getSingleResult();
        LoadedBank current = cached;
        if (current == null || !current.version().equals(version)) {
            // Read after the version: rows newer than it only make the next check read them again.
            current = read(version);
            cached = current;
        }
        if (inTransaction) {
            transaction.putResource(LoadedBank.class, current);
        }
        return current;
    }

    private LoadedBank read(String version) {
        Map<String, StoredQuiz> quizzes = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("SELECT course_id, CAST(body AS text) FROM quiz").getResultList()) {
            Object[] columns = (Object[]) row;
            Quiz quiz = JsonText.read(mapper, (String) columns[1], Quiz.class, "A stored Quiz");
            quizzes.put(quiz.id(), new StoredQuiz((String) columns[0], quiz));
        }
        Map<String, Question> questions = new HashMap<>();
        Map<String, List<Question>> byCourse = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("SELECT course_id, CAST(body AS text) FROM question ORDER BY id").getResultList()) {
            Object[] columns = (Object[]) row;
            Question question = JsonText.read(mapper, (String) columns[1], Question.class, "A stored Question");
            questions.put(question.id(), question);
            byCourse.computeIfAbsent((String) columns[0], ignored -> new ArrayList<>()).add(question);
        }
        byCourse.replaceAll((course, list) -> List.copyOf(list));
        return new LoadedBank(version, Map.copyOf(quizzes), Map.copyOf(questions), Map.copyOf(byCourse));
    }

    /** The parsed bank of one load version (the courses' SHA-256s). */
    private record LoadedBank(String version, Map<String, StoredQuiz> quizzes, Map<String, Question> questions,
                              Map<String, List<Question>> byCourse) {
    }
}
