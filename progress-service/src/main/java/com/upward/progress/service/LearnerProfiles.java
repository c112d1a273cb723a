package com.upward.progress.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.upward.platform.web.errors.AccessDeniedException;
import com.upward.progress.persistence.LearnerProfileRepository;
import com.upward.progress.persistence.SummaryRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Learners' organisations and display names, from their tokens: events carry no names, certificates and reports need them. */
@ApplicationScoped
public class LearnerProfiles {

    @Inject
    LearnerProfileRepository repository;

    @Inject
    SummaryRepository summaries;

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
        repository.lockName(learnerId);
        String boundTo = repository.boundOrg(learnerId);
        if (boundTo != null && !boundTo.equals(orgId)) {
            throw new AccessDeniedException("This learner belongs to another organisation; sign in through that organisation.");
        }
        if (repository.put(learnerId, orgId, displayName, clock.instant())) {
            summaries.rename(learnerId, displayName);
        }
        enrolments.claimPending(learnerId, orgId);
    }
}
