package com.upward.progress.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.config.ProgressConfig;
import com.upward.progress.domain.CourseState;
import com.upward.progress.domain.CourseStructure;
import com.upward.progress.domain.ProgressSnapshot;
import com.upward.progress.domain.ProgressStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A learner's progress, answered from the read model. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressQueries {

    /** A learner's page of one course: the stored snapshot, with what the summary row adds and the status today. */
    public record CourseProgress(ProgressSnapshot snapshot, ProgressStatus status, Instant startedAt, LocalDate dueDate,
                                 Instant completedAt, String certificateId) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    LearnerCourseRefresh refresh;

    @Inject
    ProgressConfig config;

    @Inject
    ObjectMapper mapper;

    public List<CourseProgress> allCourses(String learnerId) {
        @SuppressWarnings("unchecked")
        List<String> courses = entityManager.createNativeQuery("""
                        SELECT course_id FROM learner_course_summary WHERE learner_id = :learner
                        ORDER BY coalesce(started_at, enrolled_at), course_id""")
                .setParameter("learner", learnerId).getResultList();
        return courses.stream().map(course -> progress(learnerId, course)).filter(Objects::nonNull).toList();
    }

    public CourseProgress course(String learnerId, String courseId) {
        CourseProgress progress = progress(learnerId, courseId);
        if (progress != null) {
            return progress;
        }
        // Not started: the newest version the service knows, with nothing done.
        CourseStructure latest = CourseStructure.<CourseStructure>find("courseId = ?1 order by version desc", courseId)
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundException("There is no course '" + courseId + "'."));
        return view(ProgressSnapshot.of(latest, CourseState.of(latest, Map.of(), List.of())), null, null, null, null);
    }

    private CourseProgress progress(String learnerId, String courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT org_id, due_date, completed_at, certificate_id, started_at, CAST(progress AS TEXT)
                        FROM learner_course_summary WHERE learner_id = :learner AND course_id = :course""")
                .setParameter("learner", learnerId).setParameter("course", courseId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        ProgressSnapshot snapshot = row[5] != null ? snapshot((String) row[5]) : computed(learnerId, courseId, (String) row[0]);
        // A completion can arrive before its course's structure: until then the course is not shown.
        return snapshot == null ? null
                : view(snapshot, (Instant) row[4], localDate(row[1]), (Instant) row[2], (String) row[3]);
    }

    /** A summary row written before snapshots were stored, or whose course structure has not arrived: from the facts. */
    private ProgressSnapshot computed(String learnerId, String courseId, String orgId) {
        LearnerCourseRefresh.Facts facts = refresh.facts(learnerId, courseId, orgId);
        if (facts == null || facts.structure().isEmpty()) {
            return null;
        }
        CourseStructure structure = facts.structure().get();
        return ProgressSnapshot.of(structure, CourseState.of(structure, facts.lessonsDone(), facts.attempts()));
    }

    private ProgressSnapshot snapshot(String json) {
        try {
            return mapper.readValue(json, ProgressSnapshot.class);
        } catch (Exception e) {
            throw new IllegalStateException("A stored progress snapshot is not readable", e);
        }
    }

    private CourseProgress view(ProgressSnapshot snapshot, Instant startedAt, LocalDate dueDate, Instant completedAt,
                                String certificateId) {
        ProgressStatus status = ProgressStatus.of(certificateId != null, startedAt != null, dueDate, LocalDate.now(clock));
        return new CourseProgress(snapshot, status, startedAt, dueDate, completedAt, certificateId);
    }

    static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
