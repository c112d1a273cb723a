package com.upward.assessment.rest;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.domain.DraftBank;
import com.upward.assessment.rest.QuestionBankViews.DraftItem;
import com.upward.assessment.rest.QuestionBankViews.DraftOption;
import com.upward.assessment.rest.QuestionBankViews.DraftQuestion;
import com.upward.assessment.rest.QuestionBankViews.DraftSummary;

final class QuestionBankMapper {

    static QuestionBankViews.DraftBank view(DraftBank draft) {
        return new QuestionBankViews.DraftBank(draft.id().toString(), draft.courseId(), draft.createdBy(), draft.createdAt(),
                draft.questions().size(), draft.questions().stream().map(QuestionBankMapper::question).toList());
    }

    static DraftSummary summary(DraftBank.Summary draft) {
        return new DraftSummary(draft.id().toString(), draft.courseId(), draft.createdBy(), draft.createdAt(), draft.questionCount());
    }

    private static DraftQuestion question(Question q) {
        return new DraftQuestion(q.id(), q.type().name(), q.lessonId(), q.powerTypes(), q.prompt(),
                q.options().stream().map(o -> new DraftOption(o.id(), o.text(), o.correct(), o.feedback())).toList(),
                q.items() == null ? null
                        : q.items().stream().map(i -> new DraftItem(i.id(), i.text(), i.correctOptionId(), i.feedback())).toList());
    }

    private QuestionBankMapper() {
    }
}
