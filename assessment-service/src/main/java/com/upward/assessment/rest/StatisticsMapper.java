package com.upward.assessment.rest;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.domain.ItemAnalysis.QuizFigures;
import com.upward.assessment.rest.StatisticsViews.QuestionStats;
import com.upward.assessment.rest.StatisticsViews.QuizStats;
import com.upward.assessment.service.QuestionStatistics.Report;

/** A statistics report as the admin API shows it: each question with its type and prompt (null if it left the bank). */
final class StatisticsMapper {

    static QuizStats view(Report report) {
        QuizFigures f = report.figures();
        return new QuizStats(report.quizId(), report.orgId(), f.firstAttempts(), f.slots(), f.meanPercent(),
                f.standardDeviationPercent(), f.cronbachAlpha(), f.internalConsistencyPercent(),
                f.questions().stream().map(q -> {
                    Question question = report.questions().get(q.questionId());
                    return new QuestionStats(q.questionId(), question == null ? null : question.type().name(),
                            question == null ? null : question.prompt(), q.attempts(), q.facilityIndex(),
                            q.standardDeviationPercent(), q.discriminationIndex());
                }).toList());
    }

    private StatisticsMapper() {
    }
}
