package com.upward.assessment.service;

import com.upward.assessment.config.AssessmentConfig;
import com.upward.assessment.domain.ConversationGuide;
import com.upward.assessment.domain.ConversationPlan;
import com.upward.assessment.domain.LearnerOwned;
import com.upward.assessment.domain.PowerProfile;
import com.upward.assessment.persistence.ConversationPlanRepository;
import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.PracticeCompleted;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.platform.web.errors.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The conversation planner: a learner's plans, written and edited while planned, and marked held with a reflection,
 * which publishes {@code upward.practice.completed} (kind {@code CONVERSATION}) so progress counts it as practice.
 * It lives here, beside the power profile it shows next to the powers, and beside the practice schedule, so the
 * admin's practice report reads one database.
 */
@ApplicationScoped
public class ConversationPlans {

    /** The guide the planner is built on, with the learner's own power-profile result beside the powers. */
    public record Guide(List<ConversationGuide.Question> questions, List<ConversationGuide.Tip> tips,
                        List<ConversationGuide.Opening> openings, List<ConversationGuide.Power> powers, String reminder,
                        PowerProfile powerProfile) {
    }

    @Inject
    ConversationPlanRepository plans;

    @Inject
    PowerProfileService profiles;

    @Inject
    Outbox outbox;

    @Inject
    AssessmentConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Guide guide(String orgId, String learnerId) {
        return new Guide(ConversationGuide.QUESTIONS, ConversationGuide.TIPS, ConversationGuide.OPENINGS,
                ConversationGuide.POWERS, ConversationGuide.REMINDER, profiles.read(orgId, learnerId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConversationPlan> list(String orgId, String learnerId) {
        return plans.ofLearner(orgId, learnerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConversationPlan read(UUID id, String orgId, String learnerId) {
        return owned(id, orgId, learnerId, LockModeType.NONE);
    }

    @Transactional
    public ConversationPlan create(String orgId, String learnerId, ConversationPlan.Content content) {
        check(content);
        plans.lockLearner(orgId, learnerId);
        int max = config.planner().maxPlansPerLearner();
        if (plans.countOfLearner(orgId, learnerId) >= max) {
            throw new RuleViolationException("Too many plans", "You can keep up to " + max
                    + " conversation plans; delete a plan you no longer need first.");
        }
        Instant now = clock.instant();
        ConversationPlan plan = new ConversationPlan();
        plan.id = UUID.randomUUID();
        plan.orgId = orgId;
        plan.learnerId = learnerId;
        plan.courseId = config.planner().courseId();
        plan.status = ConversationPlan.Status.PLANNED;
        plan.createdAt = now;
        plan.write(content, now);
        plans.add(plan);
        return plan;
    }

    @Transactional
    public ConversationPlan update(UUID id, String orgId, String learnerId, ConversationPlan.Content content) {
        check(content);
        ConversationPlan plan = owned(id, orgId, learnerId, LockModeType.PESSIMISTIC_WRITE);
        refuseIfHeld(plan, "edit");
        plan.write(content, clock.instant());
        return plan;
    }

    @Transactional
    public void delete(UUID id, String orgId, String learnerId) {
        ConversationPlan plan = owned(id, orgId, learnerId, LockModeType.PESSIMISTIC_WRITE);
        // A held conversation is practice already counted in progress and in the admin's report: it stays.
        refuseIfHeld(plan, "delete");
        plans.remove(plan);
    }

    /** Marks the conversation held, once, with the learner's reflection; progress learns it as practice. */
    @Transactional
    public ConversationPlan markHeld(UUID id, String orgId, String learnerId, String reflection) {
        ConversationPlan plan = owned(id, orgId, learnerId, LockModeType.PESSIMISTIC_WRITE);
        refuseIfHeld(plan, "mark held again");
        Instant now = clock.instant();
        plan.markHeld(reflection.strip(), now);
        outbox.publish(PracticeCompleted.conversation(plan.id.toString(), learnerId, orgId, plan.courseId, plan.powers, now));
        return plan;
    }

    private static void check(ConversationPlan.Content content) {
        if (new HashSet<>(content.powers()).size() != content.powers().size()) {
            throw new RuleViolationException("A power chosen twice", "Choose each power you can draw on once.");
        }
        if (content.opening() != null && !ConversationGuide.isOpening(content.opening())) {
            throw new RuleViolationException("Unknown opening", "Choose the opening SHARE or HELP.");
        }
    }

    private static void refuseIfHeld(ConversationPlan plan, String action) {
        if (plan.status == ConversationPlan.Status.HELD) {
            throw new ConflictException("Conversation already held", "This conversation was held at " + plan.heldAt
                    + "; you can no longer " + action + " its plan.");
        }
    }

    /** Another learner's plan and a missing one get the same answer. */
    private ConversationPlan owned(UUID id, String orgId, String learnerId, LockModeType lock) {
        return LearnerOwned.ownedBy(plans.find(id, lock), orgId, learnerId)
                .orElseThrow(() -> new NotFoundException("There is no conversation plan " + id + "."));
    }
}
