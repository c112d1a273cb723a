package com.upward.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.util.Optional;
import java.util.UUID;

/** A row of one learner in one organisation (an attempt, a practice card or set, a conversation plan). */
@MappedSuperclass
public abstract class LearnerOwned {

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(name = "learner_id", nullable = false)
    public String learnerId;

    /** The row if it is this learner's in this organisation: another learner's and a missing one look the same. */
    public static <T extends LearnerOwned> Optional<T> ownedBy(T row, String orgId, String learnerId) {
        return Optional.ofNullable(row).filter(owned -> owned.orgId.equals(orgId) && owned.learnerId.equals(learnerId));
    }
}
