package com.upward.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.EventEnvelope;
import com.upward.platform.events.EventInbox;
import com.upward.platform.events.contract.CoursePublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which quizzes each published course version places, and with which pass mark and sequencing rule. */
@ApplicationScoped
public class QuizPlacements {

    /** Where a published course version puts a quiz: its pass mark and the lessons that unlock it. */
    public record Placement(String quizId, String title, String courseId, int courseVersion, int passPercent,
                            boolean required, List<String> unlockedBy) {
    }

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        if (!CoursePublished.TYPE.equals(event.type())) {
            return;
        }
        CoursePublished course = inbox.data(event, CoursePublished.class);
        for (CoursePublished.Quiz quiz : course.quizzes()) {
            entityManager.createNativeQuery("""
                            INSERT INTO quiz_placement (course_id, version, quiz_id, title, pass_percent, required, unlocked_by)
                            VALUES (:course, :version, :quiz, :title, :pass, :required, CAST(:unlockedBy AS jsonb))
                            ON CONFLICT DO NOTHING""")
                    .setParameter("course", course.courseId()).setParameter("version", course.version())
                    .setParameter("quiz", quiz.id()).setParameter("title", quiz.title())
                    .setParameter("pass", quiz.passPercent()).setParameter("required", quiz.required())
                    .setParameter("unlockedBy", json(quiz.unlockedBy()))
                    .executeUpdate();
        }
    }

    /** The quiz as the newest published course version places it, if any version does. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Placement> placement(String quizId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT quiz_id, title, course_id, version, pass_percent, required, CAST(unlocked_by AS text)
                        FROM quiz_placement WHERE quiz_id = :quiz ORDER BY version DESC LIMIT 1""")
                .setParameter("quiz", quizId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Placement((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue(), (Boolean) row[5], strings((String) row[6])));
    }

    /** The pass mark of the newest published course version: it wins over the bank's default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Integer> passPercent(String quizId) {
        return placement(quizId).map(Placement::passPercent);
    }

    private String json(List<String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String json) {
        try {
            return Arrays.asList(mapper.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
