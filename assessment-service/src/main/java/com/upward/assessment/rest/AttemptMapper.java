package com.upward.assessment.rest;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.domain.Answer;
import com.upward.assessment.domain.AttemptLayout.Slot;
import com.upward.assessment.domain.GivenAnswer;
import com.upward.assessment.domain.ScoredResult;
import com.upward.assessment.rest.AttemptViews.AnswerInput;
import com.upward.assessment.rest.AttemptViews.AttemptView;
import com.upward.assessment.rest.AttemptViews.Choice;
import com.upward.assessment.rest.AttemptViews.MatchFeedback;
import com.upward.assessment.rest.AttemptViews.OptionFeedback;
import com.upward.assessment.rest.AttemptViews.PowerScore;
import com.upward.assessment.rest.AttemptViews.QuestionResult;
import com.upward.assessment.rest.AttemptViews.QuestionView;
import com.upward.assessment.rest.AttemptViews.Result;
import com.upward.assessment.rest.AttemptViews.SavedAnswer;
import com.upward.assessment.service.AttemptDetails;
import com.upward.platform.events.contract.PowerType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Between the attempt API's shapes and the attempt service's: requests to given answers, details to views. */
final class AttemptMapper {

    static List<GivenAnswer> given(List<AnswerInput> inputs) {
        return inputs.stream().map(a -> new GivenAnswer(a.questionId(), a.optionIds(), a.matches())).toList();
    }

    /** The attempt in its stored order, without keys or feedback before it is scored. */
    static AttemptView view(AttemptDetails attempt) {
        List<Slot> layout = attempt.layout().slots();
        Map<String, Question> questions = attempt.questions();
        List<QuestionView> shown = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            Slot slot = layout.get(i);
            Question q = questions.get(slot.questionId());
            // The bank is edited in place: an option or item removed since the attempt started is skipped.
            List<Choice> options = slot.optionOrder().stream().filter(id -> q.option(id) != null)
                    .map(id -> new Choice(id, q.option(id).text())).toList();
            List<Choice> items = slot.itemOrder() == null ? null : slot.itemOrder().stream().filter(id -> q.item(id) != null)
                    .map(id -> new Choice(id, q.item(id).text())).toList();
            shown.add(new QuestionView(q.id(), i + 1, q.type().name(), q.prompt(), options, items));
        }
        List<SavedAnswer> saved = layout.stream().filter(s -> attempt.answers().answered(s.questionId()))
                .map(s -> {
                    Answer a = attempt.answers().of(s.questionId());
                    return new SavedAnswer(s.questionId(), a.optionIds().isEmpty() ? null : a.optionIds(),
                            a.matches().isEmpty() ? null : a.matches());
                }).toList();
        return new AttemptView(attempt.id().toString(), attempt.quizId(), attempt.courseId(), attempt.attemptNumber(),
                attempt.state().name(), attempt.startedAt(), attempt.deadline(), attempt.submittedAt(), shown, saved,
                attempt.result() == null ? null : result(attempt.result()));
    }

    static Result result(ScoredResult r) {
        Map<PowerType, PowerScore> byType = new EnumMap<>(PowerType.class);
        r.byPowerType().forEach((type, s) -> byType.put(type, new PowerScore(s.correct(), s.total(), s.percent(), s.mastered())));
        return new Result(r.score(), r.maxScore(), r.percent(), r.passPercent(), r.passed(), byType, r.lessonsToRevisit(),
                r.questions() == null ? null : r.questions().stream().map(AttemptMapper::question).toList(), r.submittedAt());
    }

    private static QuestionResult question(ScoredResult.QuestionResult q) {
        return new QuestionResult(q.questionId(), q.number(), q.type(), q.prompt(), q.lessonId(), q.powerTypes(), q.score(),
                q.maxScore(), q.outcome().name(), options(q.selected()), options(q.correctAnswer()),
                q.matches() == null ? null : q.matches().stream().map(m -> new MatchFeedback(m.itemId(), m.itemText(),
                        m.chosenOptionId(), m.correctOptionId(), m.correct(), m.feedback())).toList());
    }

    private static List<OptionFeedback> options(List<ScoredResult.OptionFeedback> options) {
        return options == null ? null : options.stream()
                .map(o -> new OptionFeedback(o.optionId(), o.text(), o.correct(), o.feedback())).toList();
    }

    private AttemptMapper() {
    }
}
