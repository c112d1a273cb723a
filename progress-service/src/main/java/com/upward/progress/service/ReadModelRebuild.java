package com.upward.progress.service;

import com.upward.progress.persistence.EnrolmentRepository;
import com.upward.progress.persistence.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Empties the read model so that consuming every topic from the start (a new consumer group) rebuilds it.
 * Owned state is kept: enrolments, learner names and issued certificates are not derived from events, and a
 * kept certificate is found again by the replay instead of being issued (and announced) a second time.
 */
@ApplicationScoped
public class ReadModelRebuild {

    @Inject
    ReadModelRepository readModel;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    LearnerCourseRefresh refresh;

    @Transactional
    public void reset() {
        readModel.truncate();
        // Enrolled learners with no events yet still belong in the reports.
        enrolments.all().forEach(e -> refresh.refresh(e.learnerId(), e.courseId()));
    }
}
