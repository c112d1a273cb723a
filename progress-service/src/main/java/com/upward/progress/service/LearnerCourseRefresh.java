package com.upward.progress.service;

import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.CourseCompleted;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.QuizAttemptScored.PowerScore;
import com.upward.progress.domain.CourseState.Attempt;
import com.upward.progress.domain.CourseState;
import com.upward.progress.domain.CourseStructure;
import com.upward.progress.domain.ProgressSnapshot;
import com.upward.progress.persistence.CertificateRepository;
import com.upward.progress.persistence.CourseVersionRepository;
import com.upward.progress.persistence.EnrolmentRepository;
import com.upward.progress.persistence.LearnerCourseRepository;
import com.upward.progress.persistence.LearnerPowerRepository;
import com.upward.progress.persistence.LearnerProfileRepository;
import com.upward.progress.persistence.QuizAttemptRepository;
import com.upward.progress.persistence.ReportCountRepository;
import com.upward.progress.persistence.SummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Recomputes one learner's row of the report read model (learner_course_summary, learner_power) from the
 * stored facts, and completes the course when the rule holds: a certificate and upward.course.completed,
 * in the caller's transaction, once per learner and course.
 */
@ApplicationScoped
public class LearnerCourseRefresh {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgsScores ags;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    XapiStatements xapi;

    @Inject
    Webhooks webhooks;

    @Inject
    LearnerCourseRepository learnerCourses;

    @Inject
    QuizAttemptRepository attempts;

    @Inject
    CourseVersionRepository courses;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    CertificateRepository certificates;

    @Inject
    LearnerProfileRepository profiles;

    @Inject
    SummaryRepository summaries;

    @Inject
    ReportCountRepository reportCounts;

    @Inject
    LearnerPowerRepository learnerPower;

    /** What the service knows of a learner in a course: the facts the read model is computed from. */
    public record Facts(String orgId, Integer version, Instant lessonStartedAt, Map<String, Instant> lessonsDone,
                        List<Attempt> attempts, Optional<CourseStructure> structure) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(String learnerId, String courseId) {
        // First, so a new version of the course being stored is either seen whole or refreshes this learner itself.
        courses.lockCourse(courseId, false);
        // Lesson and quiz events of one learner come from two topics at once: one refresh at a time per
        // learner and course, and each statement after the lock sees what the other committed.
        learnerCourses.lock(learnerId, courseId);
        // Shared with the learner's other courses, exclusive for a new display name (LearnerProfiles): the name
        // read below is the one that name's writer committed, or the writer updates the row written here.
        profiles.lockNameShared(learnerId);

        EnrolmentRepository.Held enrolment = enrolments.held(learnerId, courseId).orElse(null);
        CertificateRepository.Held certificate = certificates.held(learnerId, courseId).orElse(null);
        Facts facts = facts(learnerId, courseId, enrolment == null ? null : enrolment.orgId());
        if (facts == null) {
            // Nothing makes the learner part of the course any more (an assignment removed before any activity).
            summaries.counted(learnerId, courseId).ifPresent(before -> {
                summaries.remove(learnerId, courseId);
                reportCounts.decrement(new ReportCountRepository.Key(before.orgId(), courseId, before.status(),
                        before.quizzesPassed(), before.score(), before.dueDate()));
                learnerPower.replace(learnerId, courseId, before.orgId(), Map.of());
            });
            return;
        }
        if (enrolment == null && enrolments.claimPending(facts.orgId(), learnerId, courseId)) {
            enrolment = enrolments.held(learnerId, courseId).orElse(null);
        }
        String name = profiles.displayName(learnerId);

        Instant startedAt = Stream.concat(Stream.ofNullable(facts.lessonStartedAt()),
                        facts.attempts().stream().map(Attempt::submittedAt))
                .min(Comparator.naturalOrder()).orElse(null);
        Instant lastActivity = Stream.concat(facts.lessonsDone().values().stream(),
                        facts.attempts().stream().map(Attempt::submittedAt))
                .max(Comparator.naturalOrder()).orElse(null);

        Summary summary;
        String snapshot = null;
        Map<PowerType, CourseState.PowerTotal> power = Map.of();
        if (facts.structure().isPresent()) {
            CourseStructure structure = facts.structure().get();
            CourseState state = CourseState.of(structure, facts.lessonsDone(), facts.attempts());
            if (certificate == null && state.complete() && state.completedAt() != null) {
                certificate = issue(learnerId, facts.orgId(), structure, state, startedAt);
            }
            power = state.byPowerType();
            snapshot = summaries.json(ProgressSnapshot.of(structure, state));
            summary = new Summary(structure.version, state.lessonsDone(), state.lessons().size(), state.percent(),
                    state.nextLessonId(), state.score(), state.bestScore(),
                    state.requiredQuizzesPassed() && !facts.attempts().isEmpty());
        } else {
            // A completion or attempt that came before its course: shown as started until the structure arrives.
            summary = new Summary(facts.version(), facts.lessonsDone().size(), 0, 0, null, null, null, false);
        }
        String status = certificate != null ? "COMPLETED" : startedAt != null ? "IN_PROGRESS" : "NOT_STARTED";
        SummaryRepository.Counted before = summaries.counted(learnerId, courseId).orElse(null);
        summaries.put(new SummaryRepository.Row(learnerId, courseId, facts.orgId(), name, summary.version(), status,
                summary.lessonsDone(), summary.lessonsTotal(), summary.percent(), summary.nextLessonId(),
                decimal(summary.score()), decimal(summary.bestScore()), summary.quizzesPassed(),
                enrolment == null ? null : enrolment.enrolledAt(), enrolment == null ? null : enrolment.dueDate(),
                startedAt, lastActivity, certificate == null ? null : certificate.completedAt(),
                certificate == null ? null : certificate.certificateId(), snapshot));

        ReportCountRepository.Key previous = before == null ? null : new ReportCountRepository.Key(before.orgId(), courseId,
                before.status(), before.quizzesPassed(), before.score(), before.dueDate());
        ReportCountRepository.Key current = new ReportCountRepository.Key(facts.orgId(), courseId, status,
                summary.quizzesPassed(), summary.score() == null ? NO_SCORE : BigDecimal.valueOf(summary.score()),
                enrolment == null || enrolment.dueDate() == null ? NO_DUE_DATE : enrolment.dueDate());
        moveCount(previous, current);

        learnerPower.replace(learnerId, courseId, facts.orgId(), power);
    }

    private static final BigDecimal NO_SCORE = BigDecimal.valueOf(-1);
    private static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    private static String sortKey(ReportCountRepository.Key key) {
        return String.join("\u0001", key.orgId(), key.courseId(), key.status(), Boolean.toString(key.passed()),
                key.score().toPlainString(), key.due().toString());
    }

    private static boolean same(ReportCountRepository.Key key, ReportCountRepository.Key other) {
        return other != null && key.orgId().equals(other.orgId()) && key.status().equals(other.status())
                && key.passed() == other.passed() && key.score().compareTo(other.score()) == 0 && key.due().equals(other.due());
    }

    /**
     * Moves this learner's count from the previous key to the current one. The two rows are always touched in
     * key order, so two learners moving between the same two keys in opposite directions cannot deadlock.
     */
    private void moveCount(ReportCountRepository.Key previous, ReportCountRepository.Key current) {
        if (same(current, previous)) {
            return;
        }
        boolean previousFirst = previous != null && sortKey(previous).compareTo(sortKey(current)) < 0;
        if (previousFirst) {
            reportCounts.decrement(previous);
        }
        reportCounts.increment(current);
        if (previous != null && !previousFirst) {
            reportCounts.decrement(previous);
        }
    }

    /** The learner's facts in a course, or null when the service knows nothing of them there. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Facts facts(String learnerId, String courseId, String enrolledOrg) {
        LearnerCourseRepository.Started started = learnerCourses.started(learnerId, courseId).orElse(null);
        List<Attempt> attempts = attempts(learnerId, courseId);
        String orgId = started != null ? started.orgId() : enrolledOrg;
        if (orgId == null && !attempts.isEmpty()) {
            orgId = this.attempts.orgOf(learnerId, courseId);
        }
        if (orgId == null) {
            return null;
        }
        // The learner follows the version of their first completed lesson; before that, the newest one.
        Integer version = started != null ? Integer.valueOf(started.version()) : latestVersion(courseId);
        Map<String, Instant> done = version == null ? new HashMap<>()
                : learnerCourses.lessonsDone(learnerId, courseId, version);
        Optional<CourseStructure> structure = version == null ? Optional.empty() : courses.find(courseId, version);
        return new Facts(orgId, version, started == null ? null : started.startedAt(), done, attempts, structure);
    }

    public Integer latestVersion(String courseId) {
        return courses.latestVersion(courseId);
    }

    /** A learner's attempts in a course; the scores per power type only of those that count, however many there are. */
    private List<Attempt> attempts(String learnerId, String courseId) {
        List<Attempt> attempts = this.attempts.ofLearner(learnerId, courseId);
        Set<String> counting = CourseState.countingAttemptIds(attempts);
        if (counting.isEmpty()) {
            return attempts;
        }
        Map<String, Map<PowerType, PowerScore>> scores = this.attempts.powerScores(counting);
        return attempts.stream().map(a -> scores.containsKey(a.attemptId()) ? a.withScores(scores.get(a.attemptId())) : a).toList();
    }

    private CertificateRepository.Held issue(String learnerId, String orgId, CourseStructure structure, CourseState state,
                                          Instant startedAt) {
        String certificateId = newCertificateId();
        double finalPercent = Math.max(0, Math.min(100, state.finalPercent()));
        certificates.add(certificateId, learnerId, structure.courseId, orgId, structure.version, structure.title,
                state.completedAt(), finalPercent, clock.instant());
        UUID eventId = outbox.publish(new CourseCompleted(learnerId, orgId, structure.courseId, state.completedAt(),
                finalPercent, certificateId));
        xapi.courseCompleted(eventId, learnerId, orgId, structure.courseId, structure.title, startedAt, state.completedAt(),
                finalPercent);
        webhooks.publish(orgId, eventId, Webhooks.COURSE_COMPLETED, state.completedAt(), Webhooks.courseCompleted(learnerId,
                structure.courseId, structure.title, structure.version, state.completedAt(), finalPercent, certificateId));
        ags.courseCompleted(learnerId, structure.courseId, certificateId, state.completedAt(), finalPercent);
        return new CertificateRepository.Held(certificateId, state.completedAt());
    }

    /** 128 random bits, URL-safe: unguessable, so the public verification page cannot be enumerated. */
    static String newCertificateId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private record Summary(Integer version, int lessonsDone, int lessonsTotal, int percent, String nextLessonId,
                           Double score, Double bestScore, boolean quizzesPassed) {
    }
}
