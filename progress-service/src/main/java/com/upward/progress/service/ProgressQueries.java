package com.upward.progress.service;

import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.domain.CourseState;
import com.upward.progress.domain.CourseStructure;
import com.upward.progress.domain.ProgressSnapshot;
import com.upward.progress.domain.ProgressStatus;
import com.upward.progress.persistence.ProgressNotices;
import com.upward.progress.persistence.CourseVersionRepository;
import com.upward.progress.persistence.SummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** A learner's progress, answered from the read model. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressQueries {

    /** A learner's page of one course: the stored snapshot, with what the summary row adds and the status today. */
    public record CourseProgress(ProgressSnapshot snapshot, ProgressStatus status, Instant startedAt, LocalDate dueDate,
                                 Instant completedAt, String certificateId) {
    }

    @Inject
    Clock clock;

    @Inject
    LearnerCourseRefresh refresh;

    @Inject
    SummaryRepository summaries;

    @Inject
    CourseVersionRepository courses;

    @Inject
    ProgressNotices notices;

    /** Completes when the learner's progress next changes (in any instance); {@link #stopWaiting} it after. */
    public CompletableFuture<Void> nextChange(String learnerId) {
        return notices.next(learnerId);
    }

    public void stopWaiting(String learnerId, CompletableFuture<Void> change) {
        notices.forget(learnerId, change);
    }

    public List<CourseProgress> allCourses(String learnerId) {
        return summaries.courseIds(learnerId).stream().map(course -> progress(learnerId, course))
                .filter(Objects::nonNull).toList();
    }

    public CourseProgress course(String learnerId, String courseId) {
        CourseProgress progress = progress(learnerId, courseId);
        if (progress != null) {
            return progress;
        }
        // Not started: the newest version the service knows, with nothing done.
        CourseStructure latest = courses.latest(courseId)
                .orElseThrow(() -> new NotFoundException("There is no course '" + courseId + "'."));
        return view(ProgressSnapshot.of(latest, CourseState.of(latest, Map.of(), List.of())), null, null, null, null);
    }

    private CourseProgress progress(String learnerId, String courseId) {
        SummaryRepository.Page row = summaries.page(learnerId, courseId).orElse(null);
        if (row == null) {
            return null;
        }
        ProgressSnapshot snapshot = row.snapshot() != null ? row.snapshot() : computed(learnerId, courseId, row.orgId());
        // A completion can arrive before its course's structure: until then the course is not shown.
        return snapshot == null ? null
                : view(snapshot, row.startedAt(), row.dueDate(), row.completedAt(), row.certificateId());
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

    private CourseProgress view(ProgressSnapshot snapshot, Instant startedAt, LocalDate dueDate, Instant completedAt,
                                String certificateId) {
        ProgressStatus status = ProgressStatus.of(certificateId != null, startedAt != null, dueDate, LocalDate.now(clock));
        return new CourseProgress(snapshot, status, startedAt, dueDate, completedAt, certificateId);
    }
}
