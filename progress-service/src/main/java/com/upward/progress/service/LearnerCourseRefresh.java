package com.upward.progress.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.Outbox;
import com.upward.platform.events.contract.CourseCompleted;
import com.upward.platform.events.contract.PowerType;
import com.upward.platform.events.contract.QuizAttemptScored.GradingMethod;
import com.upward.platform.events.contract.QuizAttemptScored.PowerScore;
import com.upward.progress.config.ProgressConfig;
import com.upward.progress.domain.CourseState.Attempt;
import com.upward.progress.domain.CourseState;
import com.upward.progress.domain.CourseStructure;
import com.upward.progress.domain.ProgressSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
    private static final TypeReference<Map<PowerType, PowerScore>> POWER_SCORES = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    ProgressConfig config;

    @Inject
    XapiStatements xapi;

    /** What the service knows of a learner in a course: the facts the read model is computed from. */
    public record Facts(String orgId, Integer version, Instant lessonStartedAt, Map<String, Instant> lessonsDone,
                        List<Attempt> attempts, Optional<CourseStructure> structure) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(String learnerId, String courseId) {
        // Lesson and quiz events of one learner come from two topics at once: one refresh at a time per
        // learner and course, and each statement after the lock sees what the other committed.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", learnerId + " " + courseId).getSingleResult();
        // Shared with the learner's other courses, exclusive for a new display name (LearnerProfiles): the name
        // read below is the one that name's writer committed, or the writer updates the row written here.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock_shared(hashtextextended(:learner, 1))")
                .setParameter("learner", learnerId).getSingleResult();

        Object[] enrolment = single("""
                SELECT org_id, enrolled_at, due_date FROM enrolment WHERE learner_id = :learner AND course_id = :course""",
                learnerId, courseId);
        Object[] certificate = single("""
                SELECT certificate_id, completed_at FROM certificate WHERE learner_id = :learner AND course_id = :course""",
                learnerId, courseId);
        Facts facts = facts(learnerId, courseId, enrolment == null ? null : (String) enrolment[0]);
        if (facts == null) {
            return;
        }
        if (enrolment == null && claimPending(learnerId, courseId, facts.orgId())) {
            enrolment = single("""
                    SELECT org_id, enrolled_at, due_date FROM enrolment WHERE learner_id = :learner AND course_id = :course""",
                    learnerId, courseId);
        }
        String name = (String) entityManager.createNativeQuery(
                        "SELECT display_name FROM learner_profile WHERE learner_id = :learner")
                .setParameter("learner", learnerId).getResultStream().findFirst().orElse(null);

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
                certificate = issue(learnerId, facts.orgId(), structure, state);
            }
            power = state.byPowerType();
            snapshot = json(ProgressSnapshot.of(structure, state));
            summary = new Summary(structure.version, state.lessonsDone(), state.lessons().size(), state.percent(),
                    state.nextLessonId(), state.score(), state.bestScore(),
                    state.requiredQuizzesPassed() && !facts.attempts().isEmpty());
        } else {
            // A completion or attempt that came before its course: shown as started until the structure arrives.
            summary = new Summary(facts.version(), facts.lessonsDone().size(), 0, 0, null, null, null, false);
        }
        String status = certificate != null ? "COMPLETED" : startedAt != null ? "IN_PROGRESS" : "NOT_STARTED";
        Object[] before = single("""
                SELECT org_id, status, quizzes_passed, coalesce(score, -1), coalesce(due_date, DATE '9999-12-31')
                FROM learner_course_summary WHERE learner_id = :learner AND course_id = :course""", learnerId, courseId);
        entityManager.createNativeQuery("""
                        INSERT INTO learner_course_summary (learner_id, course_id, org_id, learner_name, version, status,
                            lessons_done, lessons_total, percent, next_lesson_id, score, best_score, quizzes_passed,
                            enrolled_at, due_date, started_at, last_activity_at, completed_at, certificate_id, progress)
                        VALUES (:learner, :course, :org, :name, :version, :status, :done, :total, :percent, :next,
                            :score, :best, :passed, :enrolled, :due, :started, :last, :completed, :certificate,
                            CAST(:progress AS JSONB))
                        ON CONFLICT (learner_id, course_id) DO UPDATE SET org_id = EXCLUDED.org_id,
                            learner_name = EXCLUDED.learner_name, version = EXCLUDED.version, status = EXCLUDED.status,
                            lessons_done = EXCLUDED.lessons_done, lessons_total = EXCLUDED.lessons_total,
                            percent = EXCLUDED.percent, next_lesson_id = EXCLUDED.next_lesson_id,
                            score = EXCLUDED.score, best_score = EXCLUDED.best_score,
                            quizzes_passed = EXCLUDED.quizzes_passed, enrolled_at = EXCLUDED.enrolled_at,
                            due_date = EXCLUDED.due_date, started_at = EXCLUDED.started_at,
                            last_activity_at = EXCLUDED.last_activity_at, completed_at = EXCLUDED.completed_at,
                            certificate_id = EXCLUDED.certificate_id, progress = EXCLUDED.progress""")
                .setParameter("learner", learnerId).setParameter("course", courseId).setParameter("org", facts.orgId())
                .setParameter("name", name).setParameter("version", summary.version()).setParameter("status", status)
                .setParameter("done", summary.lessonsDone()).setParameter("total", summary.lessonsTotal())
                .setParameter("percent", summary.percent()).setParameter("next", summary.nextLessonId())
                .setParameter("score", decimal(summary.score())).setParameter("best", decimal(summary.bestScore()))
                .setParameter("passed", summary.quizzesPassed())
                .setParameter("enrolled", enrolment == null ? null : enrolment[1])
                .setParameter("due", enrolment == null ? null : enrolment[2])
                .setParameter("started", startedAt).setParameter("last", lastActivity)
                .setParameter("completed", certificate == null ? null : certificate[1])
                .setParameter("certificate", certificate == null ? null : certificate[0])
                .setParameter("progress", snapshot)
                .executeUpdate();

        CountKey previous = before == null ? null : new CountKey((String) before[0], courseId, (String) before[1],
                (Boolean) before[2], (BigDecimal) before[3], ProgressQueries.localDate(before[4]));
        CountKey current = new CountKey(facts.orgId(), courseId, status, summary.quizzesPassed(),
                summary.score() == null ? NO_SCORE : BigDecimal.valueOf(summary.score()),
                enrolment == null || enrolment[2] == null ? NO_DUE_DATE : ProgressQueries.localDate(enrolment[2]));
        moveCount(previous, current);

        entityManager.createNativeQuery("DELETE FROM learner_power WHERE learner_id = :learner AND course_id = :course")
                .setParameter("learner", learnerId).setParameter("course", courseId).executeUpdate();
        for (Map.Entry<PowerType, CourseState.PowerTotal> entry : power.entrySet()) {
            entityManager.createNativeQuery("""
                            INSERT INTO learner_power (learner_id, course_id, org_id, power_type, correct, total, mastered)
                            VALUES (:learner, :course, :org, :type, :correct, :total, :mastered)""")
                    .setParameter("learner", learnerId).setParameter("course", courseId).setParameter("org", facts.orgId())
                    .setParameter("type", entry.getKey().name())
                    .setParameter("correct", BigDecimal.valueOf(entry.getValue().correct()))
                    .setParameter("total", entry.getValue().total()).setParameter("mastered", entry.getValue().mastered())
                    .executeUpdate();
        }
    }

    private static final BigDecimal NO_SCORE = BigDecimal.valueOf(-1);
    private static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    /** One row of report_counts: the dimensions the reports count learners by. */
    private record CountKey(String orgId, String courseId, String status, boolean passed, BigDecimal score, LocalDate due) {
        String sortKey() {
            return String.join("\u0001", orgId, courseId, status, Boolean.toString(passed), score.toPlainString(), due.toString());
        }

        boolean sameAs(CountKey other) {
            return other != null && orgId.equals(other.orgId) && status.equals(other.status) && passed == other.passed
                    && score.compareTo(other.score) == 0 && due.equals(other.due);
        }
    }

    /**
     * Moves this learner's count from the previous key to the current one. The two rows are always touched in
     * key order, so two learners moving between the same two keys in opposite directions cannot deadlock.
     */
    private void moveCount(CountKey previous, CountKey current) {
        if (current.sameAs(previous)) {
            return;
        }
        boolean previousFirst = previous != null && previous.sortKey().compareTo(current.sortKey()) < 0;
        if (previousFirst) {
            decrement(previous);
        }
        increment(current);
        if (previous != null && !previousFirst) {
            decrement(previous);
        }
    }

    private void decrement(CountKey previous) {
        String match = " WHERE org_id = :org AND course_id = :course AND status = :status AND quizzes_passed = :passed"
                + " AND score = :score AND due_date = :due";
        // The last learner of a key removes its row (no zero rows, so a rebuild gives the same table).
        int deleted = bindKey(entityManager.createNativeQuery("DELETE FROM report_counts" + match + " AND learners = 1"),
                previous).executeUpdate();
        if (deleted == 0) {
            bindKey(entityManager.createNativeQuery("UPDATE report_counts SET learners = learners - 1" + match), previous)
                    .executeUpdate();
        }
    }

    private static jakarta.persistence.Query bindKey(jakarta.persistence.Query query, CountKey key) {
        return query.setParameter("org", key.orgId()).setParameter("course", key.courseId())
                .setParameter("status", key.status()).setParameter("passed", key.passed())
                .setParameter("score", key.score()).setParameter("due", key.due());
    }

    private void increment(CountKey current) {
        bindKey(entityManager.createNativeQuery("""
                        INSERT INTO report_counts (org_id, course_id, status, quizzes_passed, score, due_date, learners)
                        VALUES (:org, :course, :status, :passed, :score, :due, 1)
                        ON CONFLICT (org_id, course_id, status, quizzes_passed, score, due_date)
                        DO UPDATE SET learners = report_counts.learners + 1"""), current).executeUpdate();
    }

    /** The learner's facts in a course, or null when the service knows nothing of them there. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Facts facts(String learnerId, String courseId, String enrolledOrg) {
        Object[] started = single("""
                SELECT org_id, version, started_at FROM learner_course WHERE learner_id = :learner AND course_id = :course""",
                learnerId, courseId);
        List<Attempt> attempts = attempts(learnerId, courseId);
        String orgId = started != null ? (String) started[0] : enrolledOrg;
        if (orgId == null && !attempts.isEmpty()) {
            orgId = (String) entityManager.createNativeQuery(
                            "SELECT org_id FROM quiz_attempt WHERE learner_id = :learner AND course_id = :course LIMIT 1")
                    .setParameter("learner", learnerId).setParameter("course", courseId).getSingleResult();
        }
        if (orgId == null) {
            return null;
        }
        // The learner follows the version of their first completed lesson; before that, the newest one.
        Integer version = started != null ? Integer.valueOf(((Number) started[1]).intValue()) : latestVersion(courseId);
        Map<String, Instant> done = new HashMap<>();
        if (version != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT lesson_id, completed_at FROM lesson_done
                            WHERE learner_id = :learner AND course_id = :course AND version = :version""")
                    .setParameter("learner", learnerId).setParameter("course", courseId).setParameter("version", version)
                    .getResultList();
            rows.forEach(row -> done.put((String) row[0], (Instant) row[1]));
        }
        Optional<CourseStructure> structure = version == null ? Optional.empty() : CourseStructure.find(courseId, version);
        return new Facts(orgId, version, started == null ? null : (Instant) started[2], done, attempts, structure);
    }

    public Integer latestVersion(String courseId) {
        Object version = entityManager.createNativeQuery("SELECT max(version) FROM course_version WHERE course_id = :course")
                .setParameter("course", courseId).getSingleResult();
        return version == null ? null : ((Number) version).intValue();
    }

    /** A learner's attempts in a course; the scores per power type only of those that count, however many there are. */
    private List<Attempt> attempts(String learnerId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT attempt_id, quiz_id, attempt_number, percent, submitted_at, grading_method, graded_attempt_id
                        FROM quiz_attempt WHERE learner_id = :learner AND course_id = :course""")
                .setParameter("learner", learnerId).setParameter("course", courseId).getResultList();
        List<Attempt> attempts = rows.stream().map(row -> new Attempt((String) row[0], (String) row[1],
                ((Number) row[2]).intValue(), ((Number) row[3]).doubleValue(), (Instant) row[4], Map.<PowerType, PowerScore>of(),
                GradingMethod.valueOf((String) row[5]), (String) row[6])).toList();
        Set<String> counting = CourseState.countingAttemptIds(attempts);
        if (counting.isEmpty()) {
            return attempts;
        }
        Map<String, Map<PowerType, PowerScore>> scores = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> scoreRows = entityManager.createNativeQuery("""
                        SELECT attempt_id, CAST(by_power_type AS TEXT) FROM quiz_attempt WHERE attempt_id IN (:ids)""")
                .setParameter("ids", counting).getResultList();
        scoreRows.forEach(row -> scores.put((String) row[0], powerScores((String) row[1])));
        return attempts.stream().map(a -> scores.containsKey(a.attemptId()) ? a.withScores(scores.get(a.attemptId())) : a).toList();
    }

    private String json(ProgressSnapshot snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (Exception e) {
            throw new IllegalStateException("A progress snapshot could not be written", e);
        }
    }

    private Map<PowerType, PowerScore> powerScores(String json) {
        try {
            return mapper.readValue(json, POWER_SCORES);
        } catch (Exception e) {
            throw new IllegalStateException("A stored by_power_type is not readable", e);
        }
    }

    private Object[] issue(String learnerId, String orgId, CourseStructure structure, CourseState state) {
        String certificateId = newCertificateId();
        double finalPercent = Math.max(0, Math.min(100, state.finalPercent()));
        entityManager.createNativeQuery("""
                        INSERT INTO certificate (certificate_id, learner_id, course_id, org_id, version, course_title,
                            completed_at, final_percent, issued_at)
                        VALUES (:id, :learner, :course, :org, :version, :title, :completed, :percent, :now)""")
                .setParameter("now", clock.instant()).setParameter("id", certificateId).setParameter("learner", learnerId)
                .setParameter("course", structure.courseId).setParameter("org", orgId)
                .setParameter("version", structure.version).setParameter("title", structure.title)
                .setParameter("completed", state.completedAt()).setParameter("percent", BigDecimal.valueOf(finalPercent))
                .executeUpdate();
        UUID eventId = outbox.publish(new CourseCompleted(learnerId, orgId, structure.courseId, state.completedAt(),
                finalPercent, certificateId));
        xapi.courseCompleted(eventId, learnerId, orgId, structure.courseId, structure.title, state.completedAt(), finalPercent);
        return new Object[] {certificateId, state.completedAt()};
    }

    /** A learner's first activity in an organisation applies that organisation's pending assignment of the course. */
    private boolean claimPending(String learnerId, String courseId, String orgId) {
        return entityManager.createNativeQuery("""
                        WITH claimed AS (DELETE FROM pending_enrolment
                            WHERE org_id = :org AND learner_id = :learner AND course_id = :course RETURNING *)
                        INSERT INTO enrolment (learner_id, course_id, org_id, source, due_date, assigned_by, enrolled_at)
                        SELECT learner_id, course_id, org_id, 'ASSIGNED', due_date, assigned_by, assigned_at FROM claimed
                        ON CONFLICT (learner_id, course_id) DO NOTHING""")
                .setParameter("org", orgId).setParameter("learner", learnerId).setParameter("course", courseId)
                .executeUpdate() > 0;
    }

    /** 128 random bits, URL-safe: unguessable, so the public verification page cannot be enumerated. */
    static String newCertificateId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Object[] single(String sql, String learnerId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql)
                .setParameter("learner", learnerId).setParameter("course", courseId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private record Summary(Integer version, int lessonsDone, int lessonsTotal, int percent, String nextLessonId,
                           Double score, Double bestScore, boolean quizzesPassed) {
    }
}
