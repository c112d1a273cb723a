package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.domain.AnswerSheet;
import com.upward.assessment.domain.Attempt;
import com.upward.assessment.domain.AttemptLayout;
import com.upward.assessment.domain.ScoredResult;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An attempt as its owner may see it: its state now, the stored layout with the bank's questions in it, the saved
 * answers, and the result as far as the quiz's review setting shows it (null until scored). What the resource shows
 * of it, and how, is the resource's mapping.
 */
public record AttemptDetails(UUID id, String quizId, String courseId, int attemptNumber, Attempt.State state,
                             Instant startedAt, Instant deadline, Instant submittedAt, AttemptLayout layout,
                             Map<String, Question> questions, AnswerSheet answers, ScoredResult result) {
}
