package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.config.AssessmentConfig;
import com.upward.assessment.domain.AnswerSheet;
import com.upward.assessment.domain.AttemptLayout;
import com.upward.assessment.domain.GivenAnswer;
import com.upward.assessment.domain.LearnerOwned;
import com.upward.assessment.domain.Leitner;
import com.upward.assessment.domain.PracticeDraw;
import com.upward.assessment.domain.PracticeItem;
import com.upward.assessment.domain.PracticeSession;
import com.upward.assessment.domain.ScoredResult;
import com.upward.assessment.domain.Scoring;
import com.upward.assessment.persistence.ConversationPlanRepository;
import com.upward.assessment.persistence.PracticeRepository;
import com.upward.assessment.persistence.QuestionBankRepository;
import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.PracticeCompleted;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Spaced practice of the power types not mastered (the schedule is {@link Leitner}'s, the draw {@link PracticeDraw}'s):
 * cards created from scored attempts, practice sets started when due, scored as attempts are, and the card moved.
 * A practice set never touches an attempt, so it can never change a graded result.
 */
@ApplicationScoped
public class PracticeService {

    /** One card as its learner sees it: whether a set is due now, and an open set to resume. */
    public record CardState(String courseId, PowerType powerType, int box, boolean out, Instant dueAt, boolean due,
                            boolean overdue, Double lastPercent, Instant lastPracticedAt, UUID openSessionId) {
    }

    /** A practice set with the bank's questions in it, and, once submitted, the result and where the card moved. */
    public record SetDetails(UUID id, String courseId, PowerType powerType, int box, Instant startedAt,
                             Instant submittedAt, AttemptLayout layout,
                             Map<String, Question> questions, AnswerSheet answers, ScoredResult result, Double percent,
                             Boolean mastered, Integer nextBox, Instant nextDueAt) {
    }

    /** A started set, and whether it is new (201) or the open one resumed (200). */
    public record Started(SetDetails set, boolean created) {
    }

    /** A due card in an organisation, for reminders. */
    public record DueCard(String learnerId, String courseId, PowerType powerType, int box, Instant dueAt, boolean overdue) {
    }

    /** The admin's report: cards due now, learners with practice overdue and those cards, and the conversations held. */
    public record Report(Instant generatedAt, long cardsDue, long learnersOverdue, ConversationPlanRepository.Counts conversations,
                         Page<DueCard> overdue) {
    }

    private final Random random = new SecureRandom();

    @Inject
    PracticeRepository practice;

    @Inject
    QuestionBankRepository bank;

    @Inject
    ConversationPlanRepository plans;

    @Inject
    Outbox outbox;

    @Inject
    AssessmentConfig config;

    @Inject
    Clock clock;

    /**
     * From a scored attempt, in its transaction: every power type not mastered goes (back) to box 1, due a day later.
     * A mastered type's card is left where it is: one quiz does not undo or replace the practice schedule.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleFrom(String orgId, String learnerId, String courseId, Map<PowerType, ScoredResult.PowerScore> byType,
                             Instant at) {
        Leitner.Move first = Leitner.enter(Leitner.FIRST, at);
        byType.forEach((type, score) -> {
            if (!score.mastered()) {
                practice.ensureItem(orgId, learnerId, courseId, type, first.dueAt(), at).moveTo(first, at);
            }
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CardState> cards(String orgId, String learnerId) {
        Instant now = clock.instant();
        return practice.items(orgId, learnerId).stream().map(item -> new CardState(item.courseId, item.powerType, item.box,
                item.box == Leitner.OUT, item.dueAt, item.due(now), overdue(item.dueAt, now), item.lastPercent,
                item.lastPracticedAt, practice.openSession(item.id).map(s -> s.id).orElse(null))).toList();
    }

    /** Starts a set on a due card, or returns the one already open (so a second click shows the same questions). */
    @Transactional
    public Started start(String orgId, String learnerId, String courseId, PowerType type) {
        PracticeItem item = practice.item(orgId, learnerId, courseId, type, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("No practice scheduled", "There is no practice of " + type
                        + " in course '" + courseId + "' for you: it is scheduled when a scored quiz shows that type not mastered."));
        var open = practice.openSession(item.id);
        if (open.isPresent()) {
            return new Started(details(open.get(), item.courseId), false);
        }
        Instant now = clock.instant();
        if (item.box == Leitner.OUT) {
            throw new ConflictException("Practice complete", type + " has left the practice boxes: nothing more is due.");
        }
        if (!item.due(now)) {
            throw new ConflictException("Practice not due yet", "The next practice set on " + type + " is due at "
                    + item.dueAt + ".");
        }
        List<Question> ofType = bank.questionsOfCourse(courseId).stream()
                .filter(q -> q.powerTypes().contains(type.name())).toList();
        var practiceConfig = config.practice();
        PracticeDraw.Drawn drawn = PracticeDraw.draw(ofType, item.recentQuestionIds, practiceConfig.setSize(),
                practiceConfig.recentMemory(), random);
        item.recentQuestionIds = new ArrayList<>(drawn.recent());
        item.updatedAt = now;
        PracticeSession session = new PracticeSession();
        session.id = UUID.randomUUID();
        session.itemId = item.id;
        session.orgId = orgId;
        session.learnerId = learnerId;
        session.powerType = type;
        session.box = item.box;
        session.startedAt = now;
        session.layout = drawn.layout();
        session.answers = AnswerSheet.EMPTY;
        practice.add(session);
        return new Started(details(session, item.courseId), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SetDetails read(UUID sessionId, String orgId, String learnerId) {
        PracticeSession session = owned(sessionId, orgId, learnerId, LockModeType.NONE);
        return details(session, practice.item(session.itemId, LockModeType.NONE).courseId);
    }

    /**
     * Scores the set once (as an attempt is scored) and moves the card: out one box when the type is mastered in
     * it, back to box 1 otherwise. A resubmission returns the stored result and publishes nothing.
     */
    @Transactional
    public SetDetails submit(UUID sessionId, String orgId, String learnerId, List<GivenAnswer> answers) {
        PracticeSession session = owned(sessionId, orgId, learnerId, LockModeType.PESSIMISTIC_WRITE);
        PracticeItem item = practice.item(session.itemId, LockModeType.PESSIMISTIC_WRITE);
        if (session.submitted()) {
            return details(session, item.courseId);
        }
        AnswerSheet finalAnswers = session.answers.merge(answers, session.layout, bank::questions);
        Map<String, Question> questions = bank.questions(session.layout.questionIds());
        List<Question> shown = session.layout.questionIds().stream().map(questions::get).toList();
        int mastery = config.masteryPercent();
        Instant now = clock.instant();
        ScoredResult result = Scoring.result(shown, finalAnswers, mastery, mastery, now).result();
        ScoredResult.PowerScore typeScore = result.byPowerType().get(session.powerType);
        Leitner.Move move = Leitner.after(item.box, typeScore.mastered(), now);
        session.recordResult(finalAnswers, result, typeScore.percent(), typeScore.mastered(), move);
        item.moveTo(move, now);
        item.lastPercent = typeScore.percent();
        item.lastPracticedAt = now;
        outbox.publish(PracticeCompleted.spacedSet(session.id.toString(), learnerId, orgId, item.courseId,
                session.powerType, typeScore.percent(), typeScore.mastered(), move.box(), move.dueAt(), now));
        return details(session, item.courseId);
    }

    /** The organisation's cards due now (overdue ones among them flagged), oldest due first: for an LMS's reminders. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DueCard> dueInOrg(String orgId, PageRequest page) {
        Instant now = clock.instant();
        return Page.of(practice.dueInOrg(orgId, now, page.offset(), page.size()).stream()
                .map(item -> dueCard(item, now)).toList(), page, practice.countDueInOrg(orgId, now));
    }

    /**
     * The admin's practice report: who has practice overdue (a page of overdue cards, oldest first), how many cards
     * are due, and the organisation's conversation plans and how many of them were held.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report report(String orgId, PageRequest page) {
        Instant now = clock.instant();
        Instant overdueBy = now.minus(config.practice().overdueAfter());
        Page<DueCard> overdue = Page.of(practice.dueInOrg(orgId, overdueBy, page.offset(), page.size()).stream()
                .map(item -> dueCard(item, now)).toList(), page, practice.countDueInOrg(orgId, overdueBy));
        return new Report(now, practice.countDueInOrg(orgId, now), practice.countLearnersDueInOrg(orgId, overdueBy),
                plans.counts(orgId), overdue);
    }

    private DueCard dueCard(PracticeItem item, Instant now) {
        return new DueCard(item.learnerId, item.courseId, item.powerType, item.box, item.dueAt, overdue(item.dueAt, now));
    }

    /** Due, and not practised within the grace the configuration gives (a day by default). */
    private boolean overdue(Instant dueAt, Instant now) {
        return dueAt != null && dueAt.plus(config.practice().overdueAfter()).isBefore(now);
    }

    /** Another learner's set and a missing one get the same answer. */
    private PracticeSession owned(UUID sessionId, String orgId, String learnerId, LockModeType lock) {
        return LearnerOwned.ownedBy(practice.session(sessionId, lock), orgId, learnerId)
                .orElseThrow(() -> new NotFoundException("There is no practice set " + sessionId + "."));
    }

    private SetDetails details(PracticeSession s, String courseId) {
        return new SetDetails(s.id, courseId, s.powerType, s.box, s.startedAt, s.submittedAt, s.layout,
                bank.questions(s.layout.questionIds()), s.answers, s.result, s.percent, s.mastered, s.nextBox, s.nextDueAt);
    }
}
