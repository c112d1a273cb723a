package com.upward.assessment.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.domain.QuizPlacement;
import com.upward.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Quiz placements per published course version ({@code quiz_placement}); a version's placement is written once. */
@ApplicationScoped
public class QuizPlacementRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** Adds the placement unless its course version already placed that quiz. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(QuizPlacement placement) {
        entityManager.createNativeQuery("""
                        INSERT INTO quiz_placement (course_id, version, quiz_id, title, pass_percent, required, unlocked_by)
                        VALUES (:course, :version, :quiz, :title, :pass, :required, CAST(:unlockedBy AS jsonb))
                        ON CONFLICT DO NOTHING""")
                .setParameter("course", placement.courseId()).setParameter("version", placement.courseVersion())
                .setParameter("quiz", placement.quizId()).setParameter("title", placement.title())
                .setParameter("pass", placement.passPercent()).setParameter("required", placement.required())
                .setParameter("unlockedBy", JsonText.write(mapper, placement.unlockedBy()))
                .executeUpdate();
    }

    /** The quiz as the newest course version that places it places it, if any does. */
    public Optional<QuizPlacement> newest(String quizId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT quiz_id, title, course_id, version, pass_percent, required, CAST(unlocked_by AS text)
                        FROM quiz_placement WHERE quiz_id = :quiz ORDER BY version DESC LIMIT 1""")
                .setParameter("quiz", quizId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new QuizPlacement((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                ((Number) row[4]).intValue(), (Boolean) row[5],
                Arrays.asList(JsonText.read(mapper, (String) row[6], String[].class, "A stored unlocked_by"))));
    }
}
