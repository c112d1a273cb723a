package com.upward.progress.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.upward.platform.web.errors.AccessDeniedException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Learners' organisations and display names, from their tokens: events carry no names, certificates and reports need them. */
@ApplicationScoped
public class LearnerProfiles {

    @Inject
    EntityManager entityManager;

    @Inject
    Enrolments enrolments;

    @Inject
    Clock clock;

    /** What this instance last stored for a learner: the same organisation and name again needs no write and no lock. */
    private record Stored(String orgId, String displayName) {
    }

    private final Cache<String, Stored> stored = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /**
     * Binds a learner id to the organisation of its first sign-in (or first activity), then stores the name when it
     * is new or changed. A token naming the same learner under another organisation is refused: learner data is
     * keyed by the learner id, so it must never be read or extended under a second organisation.
     */
    public void remember(String learnerId, String orgId, String displayName) {
        // Every learner request passes here: only a learner this instance has not seen, a new name or another
        // organisation goes to the database, so a read takes no lock that the event consumers wait for.
        Stored known = stored.getIfPresent(learnerId);
        if (known != null && known.orgId().equals(orgId) && Objects.equals(known.displayName(), displayName)) {
            return;
        }
        // Its own transaction, committed before the memory says it is stored.
        QuarkusTransaction.requiringNew().run(() -> store(learnerId, orgId, displayName));
        stored.put(learnerId, new Stored(orgId, displayName));
    }

    private void store(String learnerId, String orgId, String displayName) {
        // Waits for summaries of this learner being recomputed (LearnerCourseRefresh), so none keeps an old name.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:learner, 1))")
                .setParameter("learner", learnerId).getSingleResult();
        String boundTo = (String) entityManager.createNativeQuery("""
                        SELECT org_id FROM learner_profile WHERE learner_id = :learner
                        UNION ALL (SELECT org_id FROM learner_course_summary WHERE learner_id = :learner LIMIT 1)
                        LIMIT 1""")
                .setParameter("learner", learnerId).getResultStream().findFirst().orElse(null);
        if (boundTo != null && !boundTo.equals(orgId)) {
            throw new AccessDeniedException("This learner belongs to another organisation; sign in through that organisation.");
        }
        int changed = entityManager.createNativeQuery("""
                        INSERT INTO learner_profile (learner_id, org_id, display_name, updated_at)
                        VALUES (:learner, :org, :name, :now)
                        ON CONFLICT (learner_id) DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = EXCLUDED.updated_at
                        WHERE learner_profile.display_name IS DISTINCT FROM EXCLUDED.display_name""")
                .setParameter("learner", learnerId).setParameter("org", orgId).setParameter("name", displayName)
                .setParameter("now", clock.instant()).executeUpdate();
        if (changed > 0) {
            entityManager.createNativeQuery("UPDATE learner_course_summary SET learner_name = :name WHERE learner_id = :learner")
                    .setParameter("name", displayName).setParameter("learner", learnerId).executeUpdate();
        }
        enrolments.claimPending(learnerId, orgId);
    }
}
