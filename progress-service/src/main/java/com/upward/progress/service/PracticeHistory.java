package com.upward.progress.service;

import com.upward.platform.events.contract.PowerType;
import com.upward.progress.persistence.PracticeDoneRepository;
import com.upward.progress.persistence.PracticeDoneRepository.TypeScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A learner's mastery of each power type over time (quiz attempts and practice sets, as assessment scored them) and
 * how much practice they did: the sets completed and the planned conversations they held.
 */
@ApplicationScoped
public class PracticeHistory {

    /** One point of a power type's line: when, the percent, mastered or not, and whether it was practice or a quiz. */
    public record MasteryPoint(Instant at, double percent, boolean mastered, String source) {
    }

    public record PowerTypeMastery(PowerType powerType, List<MasteryPoint> points) {
    }

    public record LearnerPractice(long setsCompleted, long conversationsHeld, Instant lastPractisedAt,
                                  List<PowerTypeMastery> masteryOverTime) {
    }

    @Inject
    PracticeDoneRepository practice;

    @Transactional(Transactional.TxType.SUPPORTS)
    public LearnerPractice of(String orgId, String learnerId) {
        Map<PowerType, List<MasteryPoint>> byType = new EnumMap<>(PowerType.class);
        for (TypeScore score : practice.scores(orgId, learnerId)) {
            byType.computeIfAbsent(score.powerType(), t -> new ArrayList<>()).add(new MasteryPoint(score.at(),
                    score.percent(), score.mastered(), score.practice() ? "PRACTICE" : "QUIZ"));
        }
        var counts = practice.counts(orgId, learnerId);
        return new LearnerPractice(counts.setsCompleted(), counts.conversationsHeld(), counts.lastPractisedAt(),
                byType.entrySet().stream().map(e -> new PowerTypeMastery(e.getKey(), List.copyOf(e.getValue()))).toList());
    }
}
