package com.upward.assessment.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.domain.PowerProfile;
import com.upward.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each learner's power profile ({@code power_profile}), one row per learner and organisation. Written by an upsert
 * (a native statement), so its JSON columns are bound as text: ratings by statement id and the result by type,
 * neither holding anything (a date) that mapper settings would spell differently.
 */
@ApplicationScoped
public class PowerProfileRepository {

    /** A learner's stored ratings, by statement id, and when they were last saved. */
    public record Ratings(Map<String, Integer> answers, Instant updatedAt) {
    }

    private static final TypeReference<Map<String, Integer>> ANSWERS = new TypeReference<>() { };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    public Optional<Ratings> find(String orgId, String learnerId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT CAST(answers AS text), updated_at FROM power_profile WHERE org_id = :org AND learner_id = :learner""")
                .setParameter("org", orgId).setParameter("learner", learnerId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Instant updatedAt = row[1] instanceof Instant i ? i
                : row[1] instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) row[1]).toInstant();
        return Optional.of(new Ratings(JsonText.read(mapper, (String) row[0], ANSWERS, "A stored power profile"), updatedAt));
    }

    /** Stores the profile's ratings and result, replacing the learner's earlier ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String orgId, String learnerId, PowerProfile profile) {
        entityManager.createNativeQuery("""
                        INSERT INTO power_profile (org_id, learner_id, answers, result, updated_at)
                        VALUES (:org, :learner, CAST(:answers AS jsonb), CAST(:result AS jsonb), :now)
                        ON CONFLICT (org_id, learner_id) DO UPDATE SET answers = EXCLUDED.answers, result = EXCLUDED.result,
                            updated_at = EXCLUDED.updated_at""")
                .setParameter("org", orgId).setParameter("learner", learnerId)
                .setParameter("answers", JsonText.write(mapper, profile.answers()))
                .setParameter("result", JsonText.write(mapper, profile.result()))
                .setParameter("now", profile.updatedAt()).executeUpdate();
    }
}
