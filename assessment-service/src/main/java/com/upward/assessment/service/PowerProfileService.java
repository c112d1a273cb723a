package com.upward.assessment.service;

import com.upward.assessment.domain.PowerProfile;
import com.upward.assessment.persistence.PowerProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Map;

/** A learner's power profile: their ratings read back, or new ones checked, scored and stored (the rules: {@link PowerProfile}). */
@ApplicationScoped
public class PowerProfileService {

    @Inject
    PowerProfileRepository profiles;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PowerProfile read(String orgId, String learnerId) {
        return profiles.find(orgId, learnerId).map(r -> PowerProfile.of(r.answers(), r.updatedAt()))
                .orElseGet(PowerProfile::unanswered);
    }

    @Transactional
    public PowerProfile save(String orgId, String learnerId, Map<String, Integer> answers) {
        PowerProfile profile = PowerProfile.rated(answers, clock.instant());
        profiles.save(orgId, learnerId, profile);
        return profile;
    }
}
