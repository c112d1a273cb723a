package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.Quiz;
import com.upward.assessment.bank.BankDocument.Review;
import com.upward.assessment.config.AssessmentConfig;
import com.upward.assessment.domain.AnswerSheet;
import com.upward.assessment.domain.Attempt;
import com.upward.assessment.domain.AttemptLayout;
import com.upward.assessment.domain.GivenAnswer;
import com.upward.assessment.domain.LearnerOwned;
import com.upward.assessment.domain.ScoredResult;
import com.upward.assessment.domain.Scoring;
import com.upward.assessment.persistence.AttemptRepository;
import com.upward.assessment.persistence.QuestionBankRepository;
import com.upward.assessment.persistence.QuestionBankRepository.StoredQuiz;
import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Starting, saving, submitting and reading attempts: who may, when (the quiz's lock, attempt limit, delay and time
 * limit), and in which transaction. The rules it applies are the domain's: the layout is drawn by
 * {@link AttemptLayout}, answers are checked by {@link AnswerSheet}, and scored by {@link Scoring}; the grade is
 * {@link AttemptRepository}'s, as are the queries. It returns {@link AttemptDetails}, which the resources map to the API.
 */
@ApplicationScoped
public class AttemptService {

    /** A started attempt, and whether it was newly created (201) or an open one resumed (200). */
    public record Started(AttemptDetails attempt, boolean created) {
    }

    private final Random random = new SecureRandom();

    @Inject
    AttemptRepository attempts;

    @Inject
    QuestionBankRepository bank;

    @Inject
    QuizPlacements placements;

    @Inject
    QuestionStatistics statistics;

    @Inject
    LessonsDone lessonsDone;

    @Inject
    PracticeService practice;

    @Inject
    Outbox outbox;

    @Inject
    AssessmentConfig config;

    @Inject
    Clock clock;

    @Transactional
    public Started start(String quizId, String orgId, String learnerId) {
        StoredQuiz stored = bank.quiz(quizId).orElseThrow(() -> new NotFoundException(
                "There is no quiz '" + quizId + "' with questions to attempt."));
        Quiz quiz = stored.quiz();
        refuseIfLocked(quizId, orgId, learnerId);
        // Serialises starts by one learner on one quiz, so two clicks cannot both take the last attempt.
        attempts.lockStarts(orgId, learnerId, quizId);
        Instant now = clock.instant();
        Optional<Attempt> open = attempts.open(orgId, learnerId, quizId, now, config.submissionGraceSeconds());
        if (open.isPresent()) {
            return new Started(details(open.get(), quiz), false);
        }
        var settings = quiz.settings();
        int used = attempts.count(orgId, learnerId, quizId);
        if (settings.maxAttempts() > 0 && used >= settings.maxAttempts()) {
            throw new ConflictException("No attempts left", "You have used all " + settings.maxAttempts()
                    + " attempts allowed at quiz '" + quizId + "'.");
        }
        if (used > 0 && settings.minutesBetweenAttempts() > 0) {
            Instant nextAllowed = attempts.latest(orgId, learnerId, quizId).orElseThrow().closedAt()
                    .plus(Duration.ofMinutes(settings.minutesBetweenAttempts()));
            if (now.isBefore(nextAllowed)) {
                throw new TooEarlyException(nextAllowed, Duration.between(now, nextAllowed),
                        "Quiz '" + quizId + "' asks you to wait " + settings.minutesBetweenAttempts()
                                + " minutes between attempts; you can start the next one at " + nextAllowed + ".");
            }
        }
        Collection<Question> candidates = quiz.questionIds() != null ? bank.questions(quiz.questionIds()).values()
                : bank.questionsOfCourse(stored.courseId());
        Attempt attempt = new Attempt();
        attempt.id = UUID.randomUUID();
        attempt.quizId = quizId;
        attempt.courseId = stored.courseId();
        attempt.orgId = orgId;
        attempt.learnerId = learnerId;
        attempt.attemptNumber = used + 1;
        attempt.status = Attempt.Status.IN_PROGRESS;
        attempt.startedAt = now;
        attempt.deadline = settings.timeLimitMinutes() > 0 ? now.plus(Duration.ofMinutes(settings.timeLimitMinutes())) : null;
        attempt.layout = AttemptLayout.draw(quiz, candidates, random);
        attempt.answers = AnswerSheet.EMPTY;
        attempts.add(attempt);
        return new Started(details(attempt, quiz), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AttemptDetails read(UUID attemptId, String orgId, String learnerId) {
        Attempt attempt = owned(attemptId, orgId, learnerId, LockModeType.NONE);
        return details(attempt, quizOf(attempt));
    }

    @Transactional
    public AttemptDetails save(UUID attemptId, String orgId, String learnerId, List<GivenAnswer> answers) {
        Attempt attempt = owned(attemptId, orgId, learnerId, LockModeType.PESSIMISTIC_WRITE);
        refuseIfClosed(attempt, "save answers to");
        attempt.answers = attempt.answers.merge(answers, attempt.layout, bank::questions);
        return details(attempt, quizOf(attempt));
    }

    /** Scores the attempt once; a resubmission returns the stored result and publishes nothing. */
    @Transactional
    public AttemptDetails submit(UUID attemptId, String orgId, String learnerId, List<GivenAnswer> answers) {
        Attempt attempt = owned(attemptId, orgId, learnerId, LockModeType.PESSIMISTIC_WRITE);
        Quiz quiz = quizOf(attempt);
        if (attempt.scored()) {
            return details(attempt, quiz);
        }
        refuseIfClosed(attempt, "submit");
        AnswerSheet finalAnswers = attempt.answers.merge(answers, attempt.layout, bank::questions);
        AttemptLayout layout = attempt.layout;
        Map<String, Question> questions = bank.questions(layout.questionIds());
        List<Question> shown = layout.questionIds().stream().map(questions::get).toList();
        int passPercent = placements.passPercent(attempt.quizId).orElse(quiz.passPercent());
        Scoring.Scored scored = Scoring.result(shown, finalAnswers, passPercent, config.masteryPercent(), clock.instant());
        attempt.recordResult(finalAnswers, scored.result());

        if (attempt.attemptNumber == 1) {
            statistics.record(attempt.orgId, attempt.quizId, quiz.questionCount(), layout.questionIds(),
                    layout.slotNumbers(), scored.scores());
        }
        ScoredResult result = scored.result();
        practice.scheduleFrom(orgId, learnerId, attempt.courseId, result.byPowerType(), result.submittedAt());
        Map<PowerType, QuizAttemptScored.PowerScore> eventTypes = new EnumMap<>(PowerType.class);
        result.byPowerType().forEach((type, s) -> eventTypes.put(type, new QuizAttemptScored.PowerScore(s.correct(), s.total(), s.mastered())));
        // This attempt is already scored above, so the grade includes it.
        Attempt graded = attempts.graded(orgId, learnerId, attempt.quizId, quiz.settings().grading()).orElseThrow();
        outbox.publish(new QuizAttemptScored(attempt.id.toString(), learnerId, orgId, attempt.quizId, attempt.courseId,
                attempt.attemptNumber, result.score(), result.maxScore(), result.percent(), result.passed(), eventTypes,
                result.submittedAt(), QuizAttemptScored.GradingMethod.valueOf(quiz.settings().grading().name()),
                graded.id.toString(), graded.percent, graded.passed, attempt.startedAt,
                answered(shown, finalAnswers, scored.scores())));
        return details(attempt, quiz);
    }

    /** Each question as shown with the learner's answer and its key, for item-level reports (xAPI "answered"). */
    private static List<QuizAttemptScored.AnsweredQuestion> answered(List<Question> shown, AnswerSheet answers,
                                                                     List<Double> scores) {
        List<QuizAttemptScored.AnsweredQuestion> answered = new java.util.ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Question question = shown.get(i);
            var answer = answers.of(question.id());
            List<QuizAttemptScored.Choice> options = question.options().stream()
                    .map(o -> new QuizAttemptScored.Choice(o.id(), o.text())).toList();
            double score = Math.max(0, Math.min(1, scores.get(i)));
            if (question.type() == BankDocument.QuestionType.MATCHING) {
                Map<String, String> key = new java.util.LinkedHashMap<>();
                question.items().forEach(item -> key.put(item.id(), item.correctOptionId()));
                answered.add(new QuizAttemptScored.AnsweredQuestion(question.id(), question.prompt(),
                        QuizAttemptScored.Interaction.MATCHING, options,
                        question.items().stream().map(item -> new QuizAttemptScored.Choice(item.id(), item.text())).toList(),
                        null, null, key, Map.copyOf(answer.matches()), score));
            } else {
                answered.add(new QuizAttemptScored.AnsweredQuestion(question.id(), question.prompt(),
                        QuizAttemptScored.Interaction.CHOICE, options, null, question.correctOptionIds(),
                        List.copyOf(answer.optionIds()), null, null, score));
            }
        }
        return answered;
    }

    /** Another learner's attempt and a missing one get the same answer, so ids reveal nothing. */
    private Attempt owned(UUID attemptId, String orgId, String learnerId, LockModeType lock) {
        return LearnerOwned.ownedBy(attempts.find(attemptId, lock), orgId, learnerId)
                .orElseThrow(() -> new NotFoundException("There is no attempt " + attemptId + "."));
    }

    /** The sequencing rule of the newest published version: every lesson of unlockedBy done first. */
    private void refuseIfLocked(String quizId, String orgId, String learnerId) {
        placements.placement(quizId).ifPresent(placement -> {
            List<String> toDo = lessonsDone.notDone(orgId, learnerId, placement.courseId(), placement.unlockedBy());
            if (!toDo.isEmpty()) {
                throw new ConflictException("Quiz locked", "Quiz '" + quizId + "' opens once you have completed "
                        + (toDo.size() == 1 ? "lesson " : "lessons ") + String.join(", ", toDo) + ".");
            }
        });
    }

    private void refuseIfClosed(Attempt attempt, String action) {
        if (attempt.scored()) {
            throw new ConflictException("Attempt already submitted", "Attempt " + attempt.id
                    + " was submitted at " + attempt.submittedAt + "; you can no longer " + action + " it.");
        }
        if (attempt.expired(clock.instant(), config.submissionGraceSeconds())) {
            throw new ConflictException("Time limit passed", "Attempt " + attempt.id + " had to be submitted by "
                    + attempt.deadline + "; you can no longer " + action + " it. It counts as an attempt that was not submitted.");
        }
    }

    private Quiz quizOf(Attempt attempt) {
        return bank.quiz(attempt.quizId).orElseThrow(() -> new IllegalStateException("Quiz " + attempt.quizId + " left the bank")).quiz();
    }

    /** The attempt as its owner may see it: with review {@code NEVER}, the result shows only the scores. */
    private AttemptDetails details(Attempt attempt, Quiz quiz) {
        ScoredResult result = attempt.result;
        if (result != null && quiz.settings().review() == Review.NEVER) {
            result = result.scoresOnly();
        }
        return new AttemptDetails(attempt.id, attempt.quizId, attempt.courseId, attempt.attemptNumber,
                attempt.state(clock.instant(), config.submissionGraceSeconds()), attempt.startedAt, attempt.deadline,
                attempt.submittedAt, attempt.layout, bank.questions(attempt.layout.questionIds()), attempt.answers, result);
    }
}
