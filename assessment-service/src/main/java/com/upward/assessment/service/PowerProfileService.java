package com.upward.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.domain.PowerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A learner's power profile: their ratings read back, or new ones checked, scored and stored (the rules: {@link PowerProfile}). */
@ApplicationScoped
public class PowerProfileService {

    private static final TypeReference<Map<String, Integer>> ANSWERS = new TypeReference<>() { };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PowerProfile read(String orgId, String learnerId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT CAST(answers AS text), updated_at FROM power_profile WHERE org_id = :org AND learner_id = :learner""")
                .setParameter("org", orgId).setParameter("learner", learnerId).getResultList();
        if (rows.isEmpty()) {
            return PowerProfile.unanswered();
        }
        Object[] row = (Object[]) rows.get(0);
        Map<String, Integer> answers = read((String) row[0]);
        Instant updatedAt = row[1] instanceof Instant i ? i
                : row[1] instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) row[1]).toInstant();
        return PowerProfile.of(answers, updatedAt);
    }

    @Transactional
    public PowerProfile save(String orgId, String learnerId, Map<String, Integer> answers) {
        Instant now = clock.instant();
        PowerProfile profile = PowerProfile.rated(answers, now);
        entityManager.createNativeQuery("""
                        INSERT INTO power_profile (org_id, learner_id, answers, result, updated_at)
                        VALUES (:org, :learner, CAST(:answers AS jsonb), CAST(:result AS jsonb), :now)
                        ON CONFLICT (org_id, learner_id) DO UPDATE SET answers = EXCLUDED.answers, result = EXCLUDED.result,
                            updated_at = EXCLUDED.updated_at""")
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("answers", json(profile.answers()))
                .setParameter("result", json(profile.result())).setParameter("now", now).executeUpdate();
        return profile;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> read(String json) {
        try {
            return mapper.readValue(json, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored power profile is unreadable", e);
        }
    }
}
