package com.upward.assessment.service;

import com.upward.assessment.domain.QuizPlacement;
import com.upward.assessment.persistence.QuizPlacementRepository;
import com.upward.platform.events.contract.CoursePublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Which quizzes each published course version places, and with which pass mark and sequencing rule, learnt from
 * {@code upward.course.published}. The newest version that places a quiz is the one that counts.
 */
@ApplicationScoped
public class QuizPlacements {

    @Inject
    QuizPlacementRepository repository;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(CoursePublished course) {
        for (CoursePublished.Quiz quiz : course.quizzes()) {
            repository.add(new QuizPlacement(quiz.id(), quiz.title(), course.courseId(), course.version(),
                    quiz.passPercent(), quiz.required(), quiz.unlockedBy()));
        }
    }

    /** The quiz as the newest published course version places it, if any version does. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<QuizPlacement> placement(String quizId) {
        return repository.newest(quizId);
    }

    /** The pass mark of the newest published course version: it wins over the bank's default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Integer> passPercent(String quizId) {
        return placement(quizId).map(QuizPlacement::passPercent);
    }
}
