package com.upward.progress.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** The read model as a whole: the tables built only from events. */
@ApplicationScoped
public class ReadModelRepository {

    /** The tables built only from events, and the inbox that remembers which events were applied. */
    public static final List<String> DERIVED_TABLES = List.of("course_version", "lesson_done", "learner_course",
            "quiz_attempt", "learner_course_summary", "learner_power", "report_counts", "practice_done", "inbox_event");

    @Inject
    EntityManager entityManager;

    @Inject
    CourseVersionRepository courses;

    @Transactional(Transactional.TxType.MANDATORY)
    public void truncate() {
        entityManager.createNativeQuery("TRUNCATE " + String.join(", ", DERIVED_TABLES)).executeUpdate();
        // The remembered course versions go with their table (they come back with the replayed events).
        courses.forgetAll();
    }
}
