package com.upward.assessment.rest;

import com.upward.assessment.domain.ConversationGuide;
import com.upward.assessment.domain.ConversationPlan;
import com.upward.assessment.rest.ConversationPlanViews.Answers;
import com.upward.assessment.rest.ConversationPlanViews.AnswersInput;
import com.upward.assessment.rest.ConversationPlanViews.Plan;
import com.upward.assessment.rest.ConversationPlanViews.PlanRequest;
import com.upward.assessment.rest.ConversationPlanViews.PlanSummary;
import com.upward.assessment.rest.ConversationPlanViews.Tips;
import com.upward.assessment.rest.ConversationPlanViews.TipsInput;
import com.upward.assessment.service.ConversationPlans;

import java.util.List;

/** Between the planner's API shapes and the plans the service keeps. */
final class ConversationPlanMapper {

    static ConversationPlan.Content content(PlanRequest request) {
        AnswersInput a = request.answers() == null ? new AnswersInput(null, null, null, null, null) : request.answers();
        TipsInput t = request.tips() == null ? new TipsInput(null, null, null, null) : request.tips();
        return new ConversationPlan.Content(request.title().strip(),
                new ConversationPlan.Answers(a.motive(), a.outcome(), a.helpsOthers(), a.helpsThem(), a.atRisk()),
                request.powers() == null ? List.of() : request.powers(),
                new ConversationPlan.Tips(t.understanding(), t.teamPlayer(), t.organised(), t.relationship()),
                request.opening());
    }

    static Plan view(ConversationPlan p) {
        String openingText = ConversationGuide.OPENINGS.stream().filter(o -> o.id().equals(p.opening))
                .map(ConversationGuide.Opening::text).findFirst().orElse(null);
        return new Plan(p.id.toString(), p.courseId, p.title,
                new Answers(p.answers.motive(), p.answers.outcome(), p.answers.helpsOthers(), p.answers.helpsThem(), p.answers.atRisk()),
                p.powers, new Tips(p.tips.understanding(), p.tips.teamPlayer(), p.tips.organised(), p.tips.relationship()),
                p.opening, openingText, p.status.name(), p.heldAt, p.reflection, p.createdAt, p.updatedAt);
    }

    static ConversationPlanViews.Plans list(List<ConversationPlan> plans) {
        return new ConversationPlanViews.Plans(plans.stream().map(p -> new PlanSummary(p.id.toString(), p.title,
                p.status.name(), p.powers, p.opening, p.updatedAt, p.heldAt)).toList(),
                (int) plans.stream().filter(p -> p.status == ConversationPlan.Status.HELD).count());
    }

    static ConversationPlanViews.Guide guide(ConversationPlans.Guide g) {
        var profile = PowerProfileMapper.view(g.powerProfile());
        return new ConversationPlanViews.Guide(
                g.questions().stream().map(q -> new ConversationPlanViews.Question(q.id(), q.text())).toList(),
                g.tips().stream().map(t -> new ConversationPlanViews.Tip(t.id(), t.title(), t.advice())).toList(),
                g.openings().stream().map(o -> new ConversationPlanViews.Opening(o.id(), o.text())).toList(),
                g.powers().stream().map(p -> new ConversationPlanViews.Power(p.powerType(), p.name(), p.description())).toList(),
                g.reminder(), profile.result(), profile.strongest());
    }

    private ConversationPlanMapper() {
    }
}
