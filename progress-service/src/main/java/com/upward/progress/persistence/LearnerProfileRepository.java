package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** learner_profile: a learner's organisation and display name, from their token (owned state). */
@ApplicationScoped
public class LearnerProfileRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Until the caller's transaction ends, exclusive: a new display name waits for the learner's summaries being
     * recomputed (they take it shared, {@link LearnerCourseRows#lock}), so none keeps an old name.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockName(String learnerId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:learner, 1))")
                .setParameter("learner", learnerId).getSingleResult();
    }

    public String displayName(String learnerId) {
        return (String) entityManager.createNativeQuery(
                        "SELECT display_name FROM learner_profile WHERE learner_id = :learner")
                .setParameter("learner", learnerId).getResultStream().findFirst().orElse(null);
    }

    /** The organisation the learner id is bound to: its profile's, or that of its first summary row; null if none. */
    public String boundOrg(String learnerId) {
        return (String) entityManager.createNativeQuery("""
                        SELECT org_id FROM learner_profile WHERE learner_id = :learner
                        UNION ALL (SELECT org_id FROM learner_course_summary WHERE learner_id = :learner LIMIT 1)
                        LIMIT 1""")
                .setParameter("learner", learnerId).getResultStream().findFirst().orElse(null);
    }

    /** Stores the profile, or a changed name of an existing one; true if the name is new or changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean put(String learnerId, String orgId, String displayName, Instant now) {
        return entityManager.createNativeQuery("""
                        INSERT INTO learner_profile (learner_id, org_id, display_name, updated_at)
                        VALUES (:learner, :org, :name, :now)
                        ON CONFLICT (learner_id) DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = EXCLUDED.updated_at
                        WHERE learner_profile.display_name IS DISTINCT FROM EXCLUDED.display_name""")
                .setParameter("learner", learnerId).setParameter("org", orgId).setParameter("name", displayName)
                .setParameter("now", now).executeUpdate() > 0;
    }
}
