package com.upward.assessment.rest;

import com.upward.assessment.domain.PowerProfile;
import com.upward.assessment.rest.PowerProfileViews.Statement;
import com.upward.assessment.rest.PowerProfileViews.TypeResult;
import com.upward.platform.events.contract.PowerType;

import java.util.EnumMap;
import java.util.Map;

/** A learner's power profile as the API shows it. */
final class PowerProfileMapper {

    static PowerProfileViews.PowerProfile view(PowerProfile profile) {
        Map<PowerType, TypeResult> result = null;
        if (profile.result() != null) {
            result = new EnumMap<>(PowerType.class);
            for (var e : profile.result().entrySet()) {
                result.put(e.getKey(), new TypeResult(e.getValue().mean(), e.getValue().percent()));
            }
        }
        return new PowerProfileViews.PowerProfile(
                profile.statements().stream().map(s -> new Statement(s.id(), s.powerType(), s.text())).toList(),
                profile.answers(), result, profile.strongest(), profile.updatedAt());
    }

    private PowerProfileMapper() {
    }
}
