package com.upward.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.events.EventEnvelope;
import com.upward.platform.events.EventHandler;
import com.upward.platform.events.EventInbox;
import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.progress.domain.CourseStructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the progress read model from events, inside the inbox's transaction. Each effect is written so
 * that applying it in any order gives the same state: facts are stored, then the learner's summary row
 * is recomputed from all stored facts, once per learner and course for all the events of one transaction.
 */
@ApplicationScoped
public class ProgressProjector implements EventHandler {

    /** The learners and courses whose summary the events of the current transaction changed. */
    private static final Object TO_REFRESH = new Object();

    private static final Logger LOG = Logger.getLogger(ProgressProjector.class);

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    LearnerCourseRefresh refresh;

    @Inject
    XapiStatements xapi;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(EventEnvelope event) {
        apply(event);
    }

    /**
     * Recomputes each learner's summary once. In key order, so two consumers refreshing the same learners
     * take their locks in the same order and cannot deadlock each other.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterEvents() {
        Set<String> pending = toRefresh();
        for (String learnerAndCourse : List.copyOf(pending)) {
            int split = learnerAndCourse.indexOf('\n');
            refresh.refresh(learnerAndCourse.substring(0, split), learnerAndCourse.substring(split + 1));
        }
        pending.clear();
    }

    @SuppressWarnings("unchecked")
    private Set<String> toRefresh() {
        Set<String> pending = (Set<String>) transaction.getResource(TO_REFRESH);
        if (pending == null) {
            pending = new TreeSet<>();
            transaction.putResource(TO_REFRESH, pending);
        }
        return pending;
    }

    private void refreshLater(String learnerId, String courseId) {
        toRefresh().add(learnerId + "\n" + courseId);
    }

    /** Applies one event's facts; the summaries follow in {@link #afterEvents()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case CoursePublished.TYPE -> coursePublished(inbox.data(event, CoursePublished.class));
            case LessonCompleted.TYPE -> lessonCompleted(event.id(), inbox.data(event, LessonCompleted.class));
            case QuizAttemptScored.TYPE -> quizAttemptScored(event.id(), inbox.data(event, QuizAttemptScored.class));
            // A tolerant reader: types this service does not use are recorded in the inbox and skipped.
            default -> LOG.debugf("Ignoring event type %s", event.type());
        }
    }

    private void coursePublished(CoursePublished course) {
        if (CourseStructure.find(course.courseId(), course.version()).isPresent()) {
            return;
        }
        CourseStructure structure = new CourseStructure();
        structure.courseId = course.courseId();
        structure.version = course.version();
        structure.title = course.title();
        structure.publishedAt = course.publishedAt();
        structure.lessons = course.lessons();
        structure.quizzes = course.quizzes();
        structure.persist();
        entityManager.flush();
        // Learners on this version whose events came first, and learners who have not started a lesson yet
        // (they follow the newest version), are recomputed now that the structure is known.
        @SuppressWarnings("unchecked")
        List<String> learners = entityManager.createNativeQuery("""
                        SELECT learner_id FROM learner_course WHERE course_id = :course AND version = :version
                        UNION SELECT learner_id FROM learner_course_summary s WHERE course_id = :course
                            AND NOT EXISTS (SELECT 1 FROM learner_course c WHERE c.learner_id = s.learner_id AND c.course_id = s.course_id)
                        UNION SELECT learner_id FROM enrolment e WHERE course_id = :course
                            AND NOT EXISTS (SELECT 1 FROM learner_course c WHERE c.learner_id = e.learner_id AND c.course_id = e.course_id)
                        UNION SELECT DISTINCT learner_id FROM quiz_attempt q WHERE course_id = :course
                            AND NOT EXISTS (SELECT 1 FROM learner_course c WHERE c.learner_id = q.learner_id AND c.course_id = q.course_id)
                        ORDER BY 1""")
                .setParameter("course", course.courseId()).setParameter("version", course.version())
                .getResultList();
        learners.forEach(learner -> refreshLater(learner, course.courseId()));
    }

    private void lessonCompleted(String eventId, LessonCompleted lesson) {
        entityManager.createNativeQuery("""
                        INSERT INTO learner_course (learner_id, course_id, org_id, version, started_at)
                        VALUES (:learner, :course, :org, :version, :at)
                        ON CONFLICT (learner_id, course_id) DO UPDATE SET started_at = LEAST(learner_course.started_at, EXCLUDED.started_at)""")
                .setParameter("learner", lesson.learnerId()).setParameter("course", lesson.courseId())
                .setParameter("org", lesson.orgId()).setParameter("version", lesson.courseVersion())
                .setParameter("at", lesson.completedAt())
                .executeUpdate();
        int firstTime = entityManager.createNativeQuery("""
                        INSERT INTO lesson_done (learner_id, org_id, course_id, version, lesson_id, completed_at)
                        VALUES (:learner, :org, :course, :version, :lesson, :at) ON CONFLICT DO NOTHING""")
                .setParameter("learner", lesson.learnerId()).setParameter("org", lesson.orgId())
                .setParameter("course", lesson.courseId()).setParameter("version", lesson.courseVersion())
                .setParameter("lesson", lesson.lessonId()).setParameter("at", lesson.completedAt())
                .executeUpdate();
        if (firstTime > 0) {
            // One statement per lesson and learner: a lesson completed again is not news for the LRS.
            xapi.lessonCompleted(eventId, lesson);
        }
        refreshLater(lesson.learnerId(), lesson.courseId());
    }

    private void quizAttemptScored(String eventId, QuizAttemptScored attempt) {
        String byPowerType;
        try {
            byPowerType = mapper.writeValueAsString(attempt.byPowerType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int stored = entityManager.createNativeQuery("""
                        INSERT INTO quiz_attempt (attempt_id, learner_id, org_id, course_id, quiz_id, attempt_number,
                            percent, passed, by_power_type, submitted_at, grading_method, graded_attempt_id)
                        VALUES (:attempt, :learner, :org, :course, :quiz, :number, :percent, :passed,
                            CAST(:power AS JSONB), :at, :method, :graded)
                        ON CONFLICT (attempt_id) DO NOTHING""")
                .setParameter("attempt", attempt.attemptId()).setParameter("learner", attempt.learnerId())
                .setParameter("org", attempt.orgId()).setParameter("course", attempt.courseId())
                .setParameter("quiz", attempt.quizId()).setParameter("number", attempt.attemptNumber())
                .setParameter("percent", BigDecimal.valueOf(attempt.percent())).setParameter("passed", attempt.passed())
                .setParameter("power", byPowerType).setParameter("at", attempt.submittedAt())
                .setParameter("method", attempt.gradingMethod().name()).setParameter("graded", attempt.gradedAttemptId())
                .executeUpdate();
        if (stored > 0) {
            xapi.quizAttemptScored(eventId, attempt);
        }
        refreshLater(attempt.learnerId(), attempt.courseId());
    }
}
