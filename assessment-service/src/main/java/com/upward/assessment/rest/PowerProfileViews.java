package com.upward.assessment.rest;

import com.upward.platform.events.contract.PowerType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The power-profile self-assessment: statements, the learner's ratings, and the per-type result. */
public final class PowerProfileViews {

    public record Statement(String id, PowerType powerType, String text) {
    }

    /** Ratings 1 (strongly disagree) to 5 (strongly agree), one per statement id. */
    public record PowerProfileRequest(@NotNull @Size(max = 50)
                                      Map<@NotBlank @Size(max = 40) String, @NotNull @Min(1) @Max(5) Integer> answers) {
    }

    /** {@code result}, {@code strongest} and {@code updatedAt} are null until the learner has answered. */
    public record PowerProfile(List<Statement> statements, Map<String, Integer> answers, Map<PowerType, TypeResult> result,
                               List<PowerType> strongest, Instant updatedAt) {
    }

    /** The mean rating 1..5, and the same on 0..100. */
    public record TypeResult(double mean, double percent) {
    }

    private PowerProfileViews() {
    }
}
