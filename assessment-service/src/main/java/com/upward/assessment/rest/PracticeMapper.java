package com.upward.assessment.rest;

import com.upward.assessment.domain.Attempt;
import com.upward.assessment.domain.Leitner;
import com.upward.assessment.rest.PracticeViews.Card;
import com.upward.assessment.rest.PracticeViews.Outcome;
import com.upward.assessment.rest.PracticeViews.PracticeSet;
import com.upward.assessment.service.AttemptDetails;
import com.upward.assessment.service.PracticeService.CardState;
import com.upward.assessment.service.PracticeService.SetDetails;

import java.util.List;

/** From what the practice service returns to the practice API's shapes; questions are shown as in an attempt. */
final class PracticeMapper {

    static PracticeViews.Practice practice(List<CardState> cards) {
        return new PracticeViews.Practice((int) cards.stream().filter(CardState::due).count(), cards.stream()
                .map(c -> new Card(c.courseId(), c.powerType(), c.box(), c.out(), c.dueAt(), c.due(), c.overdue(),
                        c.lastPercent(), c.lastPracticedAt(), c.openSessionId() == null ? null : c.openSessionId().toString()))
                .toList());
    }

    static PracticeSet set(SetDetails set) {
        // An attempt's view of the same questions and answers, so a practice set reads exactly as a quiz does.
        var asAttempt = AttemptMapper.view(new AttemptDetails(set.id(), null, set.courseId(), 1,
                set.submittedAt() == null ? Attempt.State.IN_PROGRESS : Attempt.State.SCORED, set.startedAt(),
                null, set.submittedAt(), set.layout(), set.questions(), set.answers(), set.result()));
        Outcome outcome = set.submittedAt() == null ? null : new Outcome(set.percent(), set.mastered(), set.nextBox(),
                set.nextBox() == Leitner.OUT, set.nextDueAt());
        return new PracticeSet(set.id().toString(), set.courseId(), set.powerType(), set.box(),
                set.submittedAt() == null ? "IN_PROGRESS" : "SCORED", set.startedAt(), set.submittedAt(),
                asAttempt.questions(), asAttempt.savedAnswers(), asAttempt.result(), outcome);
    }

    private PracticeMapper() {
    }
}
