package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.domain.ItemAnalysis;
import com.upward.assessment.domain.ItemAnalysis.QuestionSums;
import com.upward.assessment.domain.ItemAnalysis.QuizFigures;
import com.upward.assessment.persistence.QuestionBankRepository;
import com.upward.assessment.persistence.StatisticsRepository;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Question statistics over each organisation's first attempts, kept as running sums updated in the scoring
 * transaction (so a report reads a handful of rows and never scans attempts); the figures are {@link ItemAnalysis}'s.
 */
@ApplicationScoped
public class QuestionStatistics {

    /** The figures of one organisation's first attempts at a quiz, with the bank's questions they name. */
    public record Report(String quizId, String orgId, QuizFigures figures, Map<String, Question> questions) {
    }

    @Inject
    StatisticsRepository sums;

    @Inject
    QuestionBankRepository bank;

    /** Adds one scored first attempt: question ids and slots in the attempt's order, scores 0..1. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String orgId, String quizId, int slots, List<String> questionIds, List<Integer> slotNumbers, List<Double> scores) {
        sums.add(orgId, quizId, slots, questionIds, slotNumbers, scores);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report read(String orgId, String quizId) {
        var quiz = bank.quiz(quizId).orElseThrow(() -> new NotFoundException("There is no quiz '" + quizId + "'."));
        List<QuestionSums> questions = sums.questions(orgId, quizId);
        return new Report(quizId, orgId, ItemAnalysis.of(quiz.quiz().questionCount(), sums.test(orgId, quizId),
                sums.slots(orgId, quizId), questions), bank.questions(questions.stream().map(QuestionSums::questionId).toList()));
    }
}
