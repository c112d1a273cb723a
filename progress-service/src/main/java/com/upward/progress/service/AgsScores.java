package com.upward.progress.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.DeliveryOutbox;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.web.JsonText;
import com.upward.progress.domain.LtiTarget;
import com.upward.progress.messaging.AgsSender;
import com.upward.progress.persistence.AgsOutboxRepository;
import com.upward.progress.persistence.LtiLaunchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Grade passback (LTI AGS): a scored attempt goes to the line item of the learner's launch into that quiz, a course
 * completion to the line item of their launch into the course (or a lesson of it). Stored in ags_outbox in the
 * transaction that records the result; the result key makes a replayed event add nothing, so no result is sent twice.
 */
@ApplicationScoped
public class AgsScores {

    @Inject
    LtiLaunchRepository links;

    @Inject
    AgsOutboxRepository outbox;

    @Inject
    ObjectMapper json;

    @Inject
    AgsSender sender;

    @Inject
    DeliveryOutbox deliveryOutbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void attemptScored(QuizAttemptScored attempt) {
        for (LtiLaunchRepository.ScoredLink link : links.scoredLinks(attempt.learnerId(), attempt.courseId())) {
            LtiTarget target = link.target();
            boolean quizLink = target.kind() == LtiTarget.Kind.QUIZ && target.targetId().equals(attempt.quizId());
            if (quizLink) {
                store("attempt:" + attempt.attemptId(), link, score(link.subject(), attempt.score(), attempt.maxScore(),
                        attempt.submittedAt(), "Completed", "Quiz attempt " + attempt.attemptNumber()));
            } else if (target.kind() != LtiTarget.Kind.QUIZ) {
                // A course's line item follows the learner's progress: each scored attempt, as a percentage, until done.
                store("attempt:" + attempt.attemptId(), link, score(link.subject(), attempt.percent(), 100,
                        attempt.submittedAt(), "InProgress", "Quiz attempt " + attempt.attemptNumber()));
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void courseCompleted(String learnerId, String courseId, String certificateId, Instant completedAt,
                                double finalPercent) {
        for (LtiLaunchRepository.ScoredLink link : links.scoredLinks(learnerId, courseId)) {
            if (link.target().kind() != LtiTarget.Kind.QUIZ) {
                store("completion:" + certificateId, link, score(link.subject(), finalPercent, 100, completedAt,
                        "Completed", "Course completed"));
            }
        }
    }

    private void store(String result, LtiLaunchRepository.ScoredLink link, Map<String, Object> score) {
        if (outbox.add(result + "|" + link.platformId() + "|" + link.lineitemUrl(), link.platformId(), link.lineitemUrl(),
                JsonText.write(json, score))) {
            deliveryOutbox.wakeAfterCommit(sender);
        }
    }

    /** userId is the launch's sub; the timestamp is when it happened (ms precision), so a late retry is not stale. */
    private static Map<String, Object> score(String userId, double given, double maximum, Instant at,
                                             String activityProgress, String comment) {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("userId", userId);
        score.put("scoreGiven", given);
        score.put("scoreMaximum", maximum);
        score.put("comment", comment);
        score.put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
        score.put("activityProgress", activityProgress);
        score.put("gradingProgress", "FullyGraded");
        return score;
    }
}
