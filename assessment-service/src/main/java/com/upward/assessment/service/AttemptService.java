package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument.Pool;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;
import com.upward.assessment.bank.BankDocument.Quiz;
import com.upward.assessment.bank.BankDocument.Review;
import com.upward.assessment.bank.BankValidator;
import com.upward.assessment.config.AssessmentConfig;
import com.upward.assessment.domain.Answer;
import com.upward.assessment.domain.AnswerSheet;
import com.upward.assessment.domain.Attempt;
import com.upward.assessment.domain.AttemptLayout;
import com.upward.assessment.domain.AttemptLayout.Slot;
import com.upward.assessment.domain.AttemptRepository;
import com.upward.assessment.domain.ScoredResult;
import com.upward.assessment.domain.ScoredResult.PowerScore;
import com.upward.assessment.domain.ScoredResult.QuestionResult;
import com.upward.assessment.domain.Scoring;
import com.upward.assessment.rest.AttemptViews.AnswerInput;
import com.upward.assessment.rest.AttemptViews.AttemptView;
import com.upward.assessment.rest.AttemptViews.Choice;
import com.upward.assessment.rest.AttemptViews.MatchFeedback;
import com.upward.assessment.rest.AttemptViews.OptionFeedback;
import com.upward.assessment.rest.AttemptViews.QuestionView;
import com.upward.assessment.rest.AttemptViews.Result;
import com.upward.assessment.rest.AttemptViews.SavedAnswer;
import com.upward.assessment.service.QuestionBank.StoredQuiz;
import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.platform.web.errors.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Starting, saving, submitting and reading attempts: the limits, the shuffle and the scoring on the server. */
@ApplicationScoped
public class AttemptService {

    /** A started attempt, and whether it was newly created (201) or an open one resumed (200). */
    public record Started(AttemptView attempt, boolean created) {
    }

    private final Random random = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    AttemptRepository history;

    @Inject
    QuestionBank bank;

    @Inject
    QuizPlacements placements;

    @Inject
    QuestionStatistics statistics;

    @Inject
    LessonsDone lessonsDone;

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
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "attempt:" + orgId + ":" + learnerId + ":" + quizId).getSingleResult();
        Instant now = clock.instant();
        Optional<Attempt> open = history.open(orgId, learnerId, quizId, now, config.submissionGraceSeconds());
        if (open.isPresent()) {
            return new Started(view(open.get(), quiz), false);
        }
        var settings = quiz.settings();
        int used = history.count(orgId, learnerId, quizId);
        if (settings.maxAttempts() > 0 && used >= settings.maxAttempts()) {
            throw new ConflictException("No attempts left", "You have used all " + settings.maxAttempts()
                    + " attempts allowed at quiz '" + quizId + "'.");
        }
        if (used > 0 && settings.minutesBetweenAttempts() > 0) {
            Instant nextAllowed = history.latest(orgId, learnerId, quizId).orElseThrow().closedAt()
                    .plus(Duration.ofMinutes(settings.minutesBetweenAttempts()));
            if (now.isBefore(nextAllowed)) {
                throw new TooEarlyException(nextAllowed, Duration.between(now, nextAllowed),
                        "Quiz '" + quizId + "' asks you to wait " + settings.minutesBetweenAttempts()
                                + " minutes between attempts; you can start the next one at " + nextAllowed + ".");
            }
        }
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
        attempt.layout = layout(stored);
        attempt.answers = AnswerSheet.EMPTY;
        entityManager.persist(attempt);
        return new Started(view(attempt, quiz), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AttemptView read(UUID attemptId, String orgId, String learnerId) {
        Attempt attempt = owned(attemptId, orgId, learnerId, LockModeType.NONE);
        return view(attempt, quizOf(attempt));
    }

    @Transactional
    public AttemptView save(UUID attemptId, String orgId, String learnerId, List<AnswerInput> answers) {
        Attempt attempt = owned(attemptId, orgId, learnerId, LockModeType.PESSIMISTIC_WRITE);
        refuseIfClosed(attempt, "save answers to");
        attempt.answers = merged(attempt, answers);
        return view(attempt, quizOf(attempt));
    }

    /** Scores the attempt once; a resubmission returns the stored result and publishes nothing. */
    @Transactional
    public AttemptView submit(UUID attemptId, String orgId, String learnerId, List<AnswerInput> answers) {
        Attempt attempt = owned(attemptId, orgId, learnerId, LockModeType.PESSIMISTIC_WRITE);
        Quiz quiz = quizOf(attempt);
        if (attempt.scored()) {
            return view(attempt, quiz);
        }
        refuseIfClosed(attempt, "submit");
        AnswerSheet final_ = merged(attempt, answers);
        AttemptLayout layout = attempt.layout;
        Map<String, Question> questions = bank.questions(layout.questionIds());
        List<Question> ordered = layout.questionIds().stream().map(questions::get).toList();
        List<Double> scores = new ArrayList<>();
        List<QuestionResult> feedback = new ArrayList<>();
        Set<String> lessons = new LinkedHashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            Question q = ordered.get(i);
            Answer answer = final_.of(q.id());
            double score = Scoring.score(q, answer);
            scores.add(score);
            feedback.add(Scoring.feedback(i + 1, q, answer, score));
            if (score < 1) {
                lessons.add(q.lessonId());
            }
        }
        double total = scores.stream().mapToDouble(Double::doubleValue).sum();
        double max = ordered.size();
        double percent = Scoring.round(100 * total / max, 2);
        int passPercent = placements.passPercent(attempt.quizId).orElse(quiz.passPercent());
        boolean passed = percent >= passPercent;
        Map<PowerType, PowerScore> byType = Scoring.byPowerType(ordered, scores, config.masteryPercent());
        Instant now = clock.instant();

        attempt.status = Attempt.Status.SCORED;
        attempt.answers = final_;
        attempt.submittedAt = now;
        attempt.score = Scoring.round(total, 4);
        attempt.maxScore = max;
        attempt.percent = percent;
        attempt.passed = passed;
        attempt.result = new ScoredResult(attempt.score, max, percent, passPercent, passed, byType,
                List.copyOf(lessons), feedback, now);

        if (attempt.attemptNumber == 1) {
            statistics.record(attempt.orgId, attempt.quizId, quiz.questionCount(),
                    layout.questionIds(), layout.slotNumbers(), scores);
        }
        Map<PowerType, QuizAttemptScored.PowerScore> eventTypes = new EnumMap<>(PowerType.class);
        byType.forEach((type, s) -> eventTypes.put(type, new QuizAttemptScored.PowerScore(s.correct(), s.total(), s.mastered())));
        // This attempt is already scored above, so the grade includes it.
        Attempt graded = history.graded(orgId, learnerId, attempt.quizId, quiz.settings().grading()).orElseThrow();
        outbox.publish(new QuizAttemptScored(attempt.id.toString(), learnerId, orgId, attempt.quizId, attempt.courseId,
                attempt.attemptNumber, attempt.score, max, percent, passed, eventTypes, now,
                QuizAttemptScored.GradingMethod.valueOf(quiz.settings().grading().name()), graded.id.toString(),
                graded.percent, graded.passed));
        return view(attempt, quiz);
    }

    /** Another learner's attempt and a missing one get the same answer, so ids reveal nothing. */
    private Attempt owned(UUID attemptId, String orgId, String learnerId, LockModeType lock) {
        Attempt attempt = entityManager.find(Attempt.class, attemptId, lock);
        if (attempt == null || !attempt.orgId.equals(orgId) || !attempt.learnerId.equals(learnerId)) {
            throw new NotFoundException("There is no attempt " + attemptId + ".");
        }
        return attempt;
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

    /** The quiz's questions (fixed, or drawn from its pools without repeats), then order and options shuffled. */
    private AttemptLayout layout(StoredQuiz stored) {
        Quiz quiz = stored.quiz();
        List<String> chosen = new ArrayList<>();
        if (quiz.questionIds() != null) {
            chosen.addAll(quiz.questionIds());
        } else {
            List<Question> all = bank.questionsOfCourse(stored.courseId());
            Set<String> taken = new HashSet<>();
            for (Pool pool : quiz.pools()) {
                List<String> candidates = new ArrayList<>(all.stream()
                        .filter(q -> BankValidator.inPool(q, pool.powerType()) && !taken.contains(q.id()))
                        .map(Question::id).toList());
                if (candidates.size() < pool.draw()) {
                    throw new IllegalStateException("Pool " + pool.powerType() + " of quiz " + quiz.id() + " is too small");
                }
                Collections.shuffle(candidates, random);
                List<String> drawn = candidates.subList(0, pool.draw());
                taken.addAll(drawn);
                chosen.addAll(drawn);
            }
        }
        Map<String, Question> questions = bank.questions(chosen);
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Question q = questions.get(chosen.get(i));
            slots.add(new Slot(q.id(), i + 1, shuffled(q.options().stream().map(o -> o.id()).toList()),
                    q.type() == QuestionType.MATCHING ? shuffled(q.items().stream().map(item -> item.id()).toList()) : null));
        }
        Collections.shuffle(slots, random);
        return new AttemptLayout(slots);
    }

    private List<String> shuffled(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** The saved answers with these replacing any for the same questions, after checking each against its question. */
    private AnswerSheet merged(Attempt attempt, List<AnswerInput> inputs) {
        Map<String, Answer> answers = new LinkedHashMap<>(attempt.answers.byQuestion());
        Set<String> inAttempt = new HashSet<>(attempt.layout.questionIds());
        Set<String> seen = new HashSet<>();
        for (AnswerInput input : inputs) {
            if (!inAttempt.contains(input.questionId())) {
                throw unprocessable("Question '" + input.questionId() + "' is not part of this attempt.");
            }
            if (!seen.add(input.questionId())) {
                throw unprocessable("Question '" + input.questionId() + "' is answered twice.");
            }
        }
        Map<String, Question> questions = bank.questions(seen);
        for (AnswerInput input : inputs) {
            Question q = questions.get(input.questionId());
            answers.put(q.id(), checked(q, input));
        }
        return new AnswerSheet(answers);
    }

    private static Answer checked(Question q, AnswerInput input) {
        List<String> optionIds = input.optionIds() == null ? List.of() : input.optionIds();
        Map<String, String> matches = input.matches() == null ? Map.of() : input.matches();
        String at = "Question '" + q.id() + "': ";
        if (q.type() == QuestionType.MATCHING) {
            if (!optionIds.isEmpty()) {
                throw unprocessable(at + "a matching question is answered with matches (item id to option id), not optionIds.");
            }
            for (Map.Entry<String, String> match : matches.entrySet()) {
                if (q.item(match.getKey()) == null) {
                    throw unprocessable(at + "there is no item '" + match.getKey() + "'.");
                }
                if (q.option(match.getValue()) == null) {
                    throw unprocessable(at + "there is no option '" + match.getValue() + "'.");
                }
            }
            return new Answer(List.of(), new LinkedHashMap<>(matches));
        }
        if (!matches.isEmpty()) {
            throw unprocessable(at + "only matching questions take matches; answer with optionIds.");
        }
        if (new HashSet<>(optionIds).size() != optionIds.size()) {
            throw unprocessable(at + "an option is chosen twice.");
        }
        for (String optionId : optionIds) {
            if (q.option(optionId) == null) {
                throw unprocessable(at + "there is no option '" + optionId + "'.");
            }
        }
        if (q.type().singleAnswer() && optionIds.size() > 1) {
            throw unprocessable(at + "choose one option only.");
        }
        return new Answer(List.copyOf(optionIds), Map.of());
    }

    private static RuleViolationException unprocessable(String detail) {
        return new RuleViolationException("Answer does not fit the attempt", detail);
    }

    private AttemptView view(Attempt attempt, Quiz quiz) {
        List<Slot> layout = attempt.layout.slots();
        Map<String, Question> questions = bank.questions(attempt.layout.questionIds());
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
        AnswerSheet answers = attempt.answers;
        List<SavedAnswer> saved = layout.stream().filter(s -> answers.answered(s.questionId()))
                .map(s -> {
                    Answer a = answers.of(s.questionId());
                    return new SavedAnswer(s.questionId(), a.optionIds().isEmpty() ? null : a.optionIds(),
                            a.matches().isEmpty() ? null : a.matches());
                }).toList();
        ScoredResult scored = attempt.result;
        if (scored != null && quiz.settings().review() == Review.NEVER) {
            scored = scored.scoresOnly();
        }
        Result result = scored == null ? null : result(scored);
        String status = attempt.scored() ? "SCORED"
                : attempt.expired(clock.instant(), config.submissionGraceSeconds()) ? "EXPIRED" : "IN_PROGRESS";
        return new AttemptView(attempt.id.toString(), attempt.quizId, attempt.courseId, attempt.attemptNumber, status,
                attempt.startedAt, attempt.deadline, attempt.submittedAt, shown, saved, result);
    }

    /** The stored result in the API's shape. */
    private static Result result(ScoredResult r) {
        Map<PowerType, com.upward.assessment.rest.AttemptViews.PowerScore> byType = new EnumMap<>(PowerType.class);
        r.byPowerType().forEach((type, s) -> byType.put(type,
                new com.upward.assessment.rest.AttemptViews.PowerScore(s.correct(), s.total(), s.percent(), s.mastered())));
        return new Result(r.score(), r.maxScore(), r.percent(), r.passPercent(), r.passed(), byType, r.lessonsToRevisit(),
                r.questions() == null ? null : r.questions().stream().map(q -> new com.upward.assessment.rest.AttemptViews.QuestionResult(
                        q.questionId(), q.number(), q.type(), q.prompt(), q.lessonId(), q.powerTypes(), q.score(), q.maxScore(),
                        q.outcome().name(), options(q.selected()), options(q.correctAnswer()),
                        q.matches() == null ? null : q.matches().stream().map(m -> new MatchFeedback(m.itemId(), m.itemText(),
                                m.chosenOptionId(), m.correctOptionId(), m.correct(), m.feedback())).toList())).toList(),
                r.submittedAt());
    }

    private static List<OptionFeedback> options(List<ScoredResult.OptionFeedback> options) {
        return options == null ? null : options.stream()
                .map(o -> new OptionFeedback(o.optionId(), o.text(), o.correct(), o.feedback())).toList();
    }
}
