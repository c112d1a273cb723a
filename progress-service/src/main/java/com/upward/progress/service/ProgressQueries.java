package com.upward.progress.service;

import com.upward.platform.events.contract.CoursePublished;
import com.upward.platform.web.ProblemException;
import com.upward.progress.domain.CourseStructure;
import com.upward.progress.rest.ProgressViews.CourseProgress;
import com.upward.progress.rest.ProgressViews.LessonState;
import com.upward.progress.rest.ProgressViews.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A learner's progress, answered from the read model. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressQueries {

    @Inject
    EntityManager entityManager;

    public List<CourseProgress> allCourses(String learnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> started = entityManager.createNativeQuery(
                        "SELECT course_id, version, started_at FROM learner_course WHERE learner_id = :learner ORDER BY started_at")
                .setParameter("learner", learnerId).getResultList();
        return started.stream()
                .map(row -> progress(learnerId, (String) row[0], ((Number) row[1]).intValue(), (Instant) row[2]))
                .filter(Objects::nonNull)
                .toList();
    }

    public CourseProgress course(String learnerId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> started = entityManager.createNativeQuery(
                        "SELECT version, started_at FROM learner_course WHERE learner_id = :learner AND course_id = :course")
                .setParameter("learner", learnerId).setParameter("course", courseId).getResultList();
        if (!started.isEmpty()) {
            CourseProgress progress = progress(learnerId, courseId, ((Number) started.get(0)[0]).intValue(), (Instant) started.get(0)[1]);
            if (progress != null) {
                return progress;
            }
        }
        // Not started: the newest version the service knows, with nothing done.
        CourseStructure latest = CourseStructure.<CourseStructure>find("courseId = ?1 order by version desc", courseId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no course '" + courseId + "'."));
        return view(latest, Map.of(), null);
    }

    private CourseProgress progress(String learnerId, String courseId, int version, Instant startedAt) {
        @SuppressWarnings("unchecked")
        List<Object[]> done = entityManager.createNativeQuery("""
                        SELECT lesson_id, completed_at FROM lesson_done
                        WHERE learner_id = :learner AND course_id = :course AND version = :version""")
                .setParameter("learner", learnerId).setParameter("course", courseId).setParameter("version", version)
                .getResultList();
        Map<String, Instant> completedAt = new HashMap<>();
        done.forEach(row -> completedAt.put((String) row[0], (Instant) row[1]));
        // A completion can arrive before its course's structure: until then the course is not shown.
        return CourseStructure.find(courseId, version).map(structure -> view(structure, completedAt, startedAt)).orElse(null);
    }

    private static CourseProgress view(CourseStructure structure, Map<String, Instant> completedAt, Instant startedAt) {
        List<CoursePublished.Lesson> lessons = structure.lessons.stream()
                .sorted(Comparator.comparingInt(CoursePublished.Lesson::position)).toList();
        List<LessonState> states = lessons.stream()
                .map(lesson -> new LessonState(lesson.id(), lesson.title(), lesson.position(), lesson.required(),
                        completedAt.containsKey(lesson.id()), completedAt.get(lesson.id())))
                .toList();
        int completed = (int) states.stream().filter(LessonState::completed).count();
        int percent = lessons.isEmpty() ? 0 : (int) Math.floor(100.0 * completed / lessons.size());
        String next = states.stream().filter(state -> !state.completed()).map(LessonState::lessonId).findFirst().orElse(null);
        boolean requiredDone = states.stream().filter(LessonState::required).allMatch(LessonState::completed);
        Status status = completed == 0 ? Status.NOT_STARTED : requiredDone ? Status.COMPLETED : Status.IN_PROGRESS;
        return new CourseProgress(structure.courseId, structure.title, structure.version, status, completed,
                lessons.size(), percent, next, startedAt, states);
    }
}
