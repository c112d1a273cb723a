package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument.Quiz;
import com.upward.assessment.config.AssessmentConfig;
import com.upward.assessment.domain.Attempt;
import com.upward.assessment.domain.QuizPlacement;
import com.upward.assessment.persistence.AttemptRepository;
import com.upward.assessment.persistence.QuestionBankRepository;
import com.upward.assessment.persistence.QuestionBankRepository.StoredQuiz;
import com.upward.assessment.service.QuizOverview.AttemptSummary;
import com.upward.assessment.service.QuizOverview.MyAttempts;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A quiz's settings, merged from the bank and the published course, with the caller's attempt summary. */
@ApplicationScoped
public class QuizService {

    @Inject
    QuestionBankRepository bank;

    @Inject
    QuizPlacements placements;

    @Inject
    AttemptRepository attempts;

    @Inject
    AssessmentConfig config;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public QuizOverview settings(String quizId, String orgId, String learnerId) {
        Optional<StoredQuiz> stored = bank.quiz(quizId);
        Optional<QuizPlacement> placement = placements.placement(quizId);
        if (stored.isEmpty() && placement.isEmpty()) {
            throw new NotFoundException("There is no quiz '" + quizId + "'.");
        }
        Integer version = placement.map(QuizPlacement::courseVersion).orElse(null);
        boolean required = placement.map(QuizPlacement::required).orElse(false);
        List<String> unlockedBy = placement.map(QuizPlacement::unlockedBy).orElse(List.of());
        if (stored.isEmpty()) {
            // Placed by a published course but not (yet) in this bank: visible, not attemptable.
            QuizPlacement p = placement.get();
            return new QuizOverview(quizId, p.title(), null, p.courseId(), version, p.passPercent(), required, unlockedBy,
                    0, null, 0, null, null, null, summary(null, List.of(), null));
        }
        Quiz quiz = stored.get().quiz();
        var s = quiz.settings();
        int passPercent = placement.map(QuizPlacement::passPercent).orElse(quiz.passPercent());
        return new QuizOverview(quiz.id(), quiz.title(), quiz.kind(), stored.get().courseId(), version, passPercent,
                required, unlockedBy, quiz.questionCount(), s.maxAttempts() > 0 ? s.maxAttempts() : null,
                s.minutesBetweenAttempts(), s.timeLimitMinutes() > 0 ? s.timeLimitMinutes() : null,
                s.grading(), s.review(), summary(quiz, attempts.all(orgId, learnerId, quizId),
                        attempts.graded(orgId, learnerId, quizId, s.grading()).orElse(null)));
    }

    private MyAttempts summary(Quiz quiz, List<Attempt> mine, Attempt graded) {
        Instant now = clock.instant();
        int grace = config.submissionGraceSeconds();
        List<AttemptSummary> rows = mine.stream().map(a -> new AttemptSummary(a.id, a.attemptNumber, a.state(now, grace),
                a.startedAt, a.submittedAt, a.percent, a.passed)).toList();
        if (quiz == null) {
            return new MyAttempts(0, null, null, null, null, null, rows);
        }
        var s = quiz.settings();
        UUID open = mine.stream().filter(a -> !a.scored() && !a.expired(now, grace)).map(a -> a.id)
                .findFirst().orElse(null);
        Integer remaining = s.maxAttempts() > 0 ? Math.max(0, s.maxAttempts() - mine.size()) : null;
        Instant next = null;
        if (open == null && !mine.isEmpty() && s.minutesBetweenAttempts() > 0 && (remaining == null || remaining > 0)) {
            Instant at = mine.get(mine.size() - 1).closedAt().plus(Duration.ofMinutes(s.minutesBetweenAttempts()));
            next = at.isAfter(now) ? at : null;
        }
        return new MyAttempts(mine.size(), remaining, open, next, graded == null ? null : graded.percent,
                graded == null ? null : graded.passed, rows);
    }
}
