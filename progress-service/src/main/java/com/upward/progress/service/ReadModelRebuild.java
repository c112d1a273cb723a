package com.upward.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Empties the read model so that consuming every topic from the start (a new consumer group) rebuilds it.
 * Owned state is kept: enrolments, learner names and issued certificates are not derived from events, and a
 * kept certificate is found again by the replay instead of being issued (and announced) a second time.
 */
@ApplicationScoped
public class ReadModelRebuild {

    /** The tables built only from events, and the inbox that remembers which events were applied. */
    public static final List<String> DERIVED_TABLES = List.of("course_version", "lesson_done", "learner_course",
            "quiz_attempt", "learner_course_summary", "learner_power", "report_counts", "inbox_event");

    @Inject
    EntityManager entityManager;

    @Inject
    LearnerCourseRefresh refresh;

    @Transactional
    public void reset() {
        entityManager.createNativeQuery("TRUNCATE " + String.join(", ", DERIVED_TABLES)).executeUpdate();
        // Enrolled learners with no events yet still belong in the reports.
        @SuppressWarnings("unchecked")
        List<Object[]> enrolments = entityManager.createNativeQuery(
                "SELECT learner_id, course_id FROM enrolment ORDER BY learner_id, course_id").getResultList();
        enrolments.forEach(row -> refresh.refresh((String) row[0], (String) row[1]));
    }
}
