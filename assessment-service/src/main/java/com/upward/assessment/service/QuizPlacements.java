package com.upward.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.rest.QuizViews.QuizSettings;
import com.upward.platform.events.EventEnvelope;
import com.upward.platform.events.EventInbox;
import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;

/** Which quizzes each published course version places, and with which pass mark and sequencing rule. */
@ApplicationScoped
public class QuizPlacements {

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

    @Transactional(Transactional.TxType.SUPPORTS)
    public QuizSettings settings(String quizId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT quiz_id, title, course_id, version, pass_percent, required, CAST(unlocked_by AS text)
                        FROM quiz_placement WHERE quiz_id = :quiz ORDER BY version DESC LIMIT 1""")
                .setParameter("quiz", quizId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("There is no quiz '" + quizId + "'.");
        }
        Object[] row = rows.get(0);
        return new QuizSettings((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue(), (Boolean) row[5], strings((String) row[6]));
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
