package com.upward.assessment.service;

import com.upward.assessment.persistence.LessonDoneRepository;
import com.upward.platform.events.contract.LessonCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;

/** The lessons each learner completed, learnt from course-service's events, so a locked quiz cannot be started. */
@ApplicationScoped
public class LessonsDone {

    @Inject
    LessonDoneRepository repository;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(LessonCompleted lesson) {
        // A lesson done in any version counts: the sequencing rule names lessons, not versions.
        repository.add(lesson.orgId(), lesson.learnerId(), lesson.courseId(), lesson.lessonId(), lesson.completedAt());
    }

    /** Those of the lessons that the learner has not completed yet, in the order given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> notDone(String orgId, String learnerId, String courseId, List<String> lessonIds) {
        if (lessonIds.isEmpty()) {
            return List.of();
        }
        Set<String> completed = repository.done(orgId, learnerId, courseId, lessonIds);
        return lessonIds.stream().filter(id -> !completed.contains(id)).toList();
    }
}
