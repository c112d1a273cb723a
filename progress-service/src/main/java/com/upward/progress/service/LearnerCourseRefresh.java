package com.upward.progress.service;

import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.CourseCompleted;
import com.upward.platform.events.contract.PowerType;
import com.upward.progress.domain.CourseState.Attempt;
import com.upward.progress.domain.CourseState;
import com.upward.progress.domain.CourseStructure;
import com.upward.progress.domain.ProgressSnapshot;
import com.upward.progress.persistence.CertificateRepository;
import com.upward.progress.persistence.CourseVersionRepository;
import com.upward.progress.persistence.EnrolmentRepository;
import com.upward.progress.persistence.LearnerCourseRepository;
import com.upward.progress.persistence.LearnerCourseRows;
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
    CourseVersionRepository courses;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    CertificateRepository certificates;

    @Inject
    SummaryRepository summaries;

    @Inject
    LearnerCourseRows rows;

    /** What the service knows of a learner in a course: the facts the read model is computed from. */
    public record Facts(String orgId, Integer version, Instant lessonStartedAt, Map<String, Instant> lessonsDone,
                        List<Attempt> attempts, Optional<CourseStructure> structure) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(String learnerId, String courseId) {
        // The course first, so a new version of it being stored is either seen whole or refreshes this learner
        // itself; then the learner's course, since lesson and quiz events come from two topics at once (each read
        // after the lock sees what the other committed); then the learner's name, shared with their other courses.
        rows.lock(learnerId, courseId);
        LearnerCourseRows.Stored stored = rows.stored(learnerId, courseId);

        EnrolmentRepository.Held enrolment = stored.enrolment().orElse(null);
        CertificateRepository.Held certificate = stored.certificate().orElse(null);
        LearnerCourseRows.CountKey countBefore = stored.counted().map(before -> new LearnerCourseRows.CountKey(
                before.orgId(), courseId, before.status(), before.quizzesPassed(), before.score(), before.dueDate())).orElse(null);
        Facts facts = facts(courseId, stored, enrolment == null ? null : enrolment.orgId());
        if (facts == null) {
            // Nothing makes the learner part of the course any more (an assignment removed before any activity).
            if (countBefore != null) {
                rows.write(learnerId, courseId, countBefore.orgId(),
                        new LearnerCourseRows.Changes(null, countBefore, null, stored.power(), Map.of()));
            }
            return;
        }
        if (enrolment == null && stored.pendingEnrolment() && enrolments.claimPending(facts.orgId(), learnerId, courseId)) {
            enrolment = enrolments.held(learnerId, courseId).orElse(null);
        }

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
        SummaryRepository.Row row = new SummaryRepository.Row(learnerId, courseId, facts.orgId(), stored.displayName(),
                summary.version(), status, summary.lessonsDone(), summary.lessonsTotal(), summary.percent(),
                summary.nextLessonId(), decimal(summary.score()), decimal(summary.bestScore()), summary.quizzesPassed(),
                enrolment == null ? null : enrolment.enrolledAt(), enrolment == null ? null : enrolment.dueDate(),
                startedAt, lastActivity, certificate == null ? null : certificate.completedAt(),
                certificate == null ? null : certificate.certificateId(), snapshot);
        LearnerCourseRows.CountKey countNow = new LearnerCourseRows.CountKey(facts.orgId(), courseId, status,
                summary.quizzesPassed(), summary.score() == null ? NO_SCORE : BigDecimal.valueOf(summary.score()),
                enrolment == null || enrolment.dueDate() == null ? NO_DUE_DATE : enrolment.dueDate());
        rows.write(learnerId, courseId, facts.orgId(),
                new LearnerCourseRows.Changes(row, countBefore, countNow, stored.power(), power));
    }

    private static final BigDecimal NO_SCORE = BigDecimal.valueOf(-1);
    private static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    /** The learner's facts in a course, or null when the service knows nothing of them there. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Facts facts(String learnerId, String courseId, String enrolledOrg) {
        return facts(courseId, rows.stored(learnerId, courseId), enrolledOrg);
    }

    private Facts facts(String courseId, LearnerCourseRows.Stored stored, String enrolledOrg) {
        LearnerCourseRepository.Started started = stored.started().orElse(null);
        String orgId = started != null ? started.orgId() : enrolledOrg;
        if (orgId == null && !stored.attempts().isEmpty()) {
            orgId = stored.attempts().get(0).orgId();
        }
        if (orgId == null) {
            return null;
        }
        // The learner follows the version of their first completed lesson; before that, the newest one.
        Integer version = started != null ? Integer.valueOf(started.version()) : stored.latestVersion();
        Map<String, Instant> done = new HashMap<>(version == null ? Map.of()
                : stored.lessonsDoneByVersion().getOrDefault(version, Map.of()));
        Optional<CourseStructure> structure = version == null ? Optional.empty() : courses.find(courseId, version);
        // The scores per power type only of the attempts that count, however many there are.
        List<Attempt> plain = stored.attempts().stream().map(LearnerCourseRows.StoredAttempt::attempt).toList();
        List<Attempt> attempts = rows.withScores(stored.attempts(), CourseState.countingAttemptIds(plain));
        return new Facts(orgId, version, started == null ? null : started.startedAt(), done, attempts, structure);
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
