package com.upward.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Learners' display names, taken from their tokens: events carry no names, certificates and reports need them. */
@ApplicationScoped
public class LearnerProfiles {

    @Inject
    EntityManager entityManager;

    /** Stores the name when it is new or changed; a repeated call writes nothing. */
    @Transactional
    public void remember(String learnerId, String orgId, String displayName) {
        // Waits for summaries of this learner being recomputed (LearnerCourseRefresh), so none keeps an old name.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:learner, 1))")
                .setParameter("learner", learnerId).getSingleResult();
        int changed = entityManager.createNativeQuery("""
                        INSERT INTO learner_profile (learner_id, org_id, display_name, updated_at)
                        VALUES (:learner, :org, :name, now())
                        ON CONFLICT (learner_id) DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = now()
                        WHERE learner_profile.display_name IS DISTINCT FROM EXCLUDED.display_name""")
                .setParameter("learner", learnerId).setParameter("org", orgId).setParameter("name", displayName)
                .executeUpdate();
        if (changed > 0) {
            entityManager.createNativeQuery("UPDATE learner_course_summary SET learner_name = :name WHERE learner_id = :learner")
                    .setParameter("name", displayName).setParameter("learner", learnerId).executeUpdate();
        }
    }
}
