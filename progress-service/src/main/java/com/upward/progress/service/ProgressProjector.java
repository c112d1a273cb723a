package com.upward.progress.service;

import com.upward.platform.events.EventEnvelope;
import com.upward.platform.events.EventHandler;
import com.upward.platform.events.EventInbox;
import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.events.contract.LessonCompleted;
import com.upward.platform.events.contract.PracticeCompleted;
import com.upward.platform.events.contract.QuizAttemptScored;
import com.upward.progress.domain.CourseStructure;
import com.upward.progress.persistence.CourseVersionRepository;
import com.upward.progress.persistence.LearnerCourseRepository;
import com.upward.progress.persistence.PracticeDoneRepository;
import com.upward.progress.persistence.QuizAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

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
    CourseVersionRepository courses;

    @Inject
    LearnerCourseRepository learnerCourses;

    @Inject
    QuizAttemptRepository attempts;

    @Inject
    LearnerCourseRefresh refresh;

    @Inject
    PracticeDoneRepository practiceDone;

    @Inject
    XapiStatements xapi;

    @Inject
    Cmi5Sessions cmi5;

    @Inject
    AgsScores ags;

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
            String learnerId = learnerAndCourse.substring(0, split);
            refresh.refresh(learnerId, learnerAndCourse.substring(split + 1));
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
            // Practice is kept beside progress, never in it: it changes no grade, percent or completion.
            case PracticeCompleted.TYPE -> practiceDone.add(inbox.data(event, PracticeCompleted.class));
            // A tolerant reader: types this service does not use are recorded in the inbox and skipped.
            default -> LOG.debugf("Ignoring event type %s", event.type());
        }
    }

    private void coursePublished(CoursePublished course) {
        courses.lockCourse(course.courseId());
        if (courses.stored(course.courseId(), course.version())) {
            return;
        }
        courses.add(CourseStructure.of(course));
        // Learners on this version whose events came first, and learners who have not started a lesson yet
        // (they follow the newest version), are recomputed now that the structure is known.
        learnerCourses.learnersAwaiting(course.courseId(), course.version())
                .forEach(learner -> refreshLater(learner, course.courseId()));
    }

    private void lessonCompleted(String eventId, LessonCompleted lesson) {
        learnerCourses.putStarted(lesson.learnerId(), lesson.courseId(), lesson.orgId(), lesson.courseVersion(),
                lesson.completedAt());
        boolean firstTime = learnerCourses.addLessonDone(lesson.learnerId(), lesson.orgId(), lesson.courseId(),
                lesson.courseVersion(), lesson.lessonId(), lesson.completedAt());
        if (firstTime) {
            // One statement per lesson and learner: a lesson completed again is not news for the LRS.
            xapi.lessonCompleted(eventId, lesson);
        }
        // A session the LMS launched for this lesson ends with it, even if the lesson was done before.
        cmi5.lessonCompleted(lesson.orgId(), lesson.learnerId(), lesson.courseId(), lesson.lessonId());
        refreshLater(lesson.learnerId(), lesson.courseId());
    }

    private void quizAttemptScored(String eventId, QuizAttemptScored attempt) {
        if (attempts.add(attempt)) {
            xapi.quizAttemptScored(eventId, attempt);
            cmi5.quizScored(attempt.orgId(), attempt.learnerId(), attempt.courseId(), attempt.quizId(), attempt.percent(),
                    attempt.passed(), attempt.score(), attempt.maxScore());
            ags.attemptScored(attempt);
        }
        refreshLater(attempt.learnerId(), attempt.courseId());
    }
}
