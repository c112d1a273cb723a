package com.upward.progress.service;

import com.upward.progress.persistence.CourseVersionRepository;
import com.upward.progress.persistence.EnrolmentRepository;
import com.upward.progress.persistence.IntegrationEnrolmentRepository;
import com.upward.progress.persistence.IntegrationEnrolmentRepository.Known;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Bulk enrolment by an organisation's LMS. Each row carries the LMS's own id for it (externalId): a row sent again
 * finds its earlier self and enrols nobody twice, so the LMS may retry a whole request after a timeout. Rows are
 * checked one by one; a bad row is reported with its reason and the others are applied, all in one transaction.
 * Enrolling works as an admin's assignment does: a learner of the organisation is enrolled at once, any other id
 * becomes a pending enrolment of this organisation, applied at the learner's first sign-in there.
 */
@ApplicationScoped
public class IntegrationEnrolments {

    /** One row as the LMS sent it; fields are checked here, so one bad row does not refuse the others. */
    public record Row(String externalId, String learnerId, String courseId, String dueDate) {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, FAILED }

    /** What became of one row: its index in the request, its external id, the outcome and, when it failed, why. */
    public record RowResult(int row, String externalId, Outcome outcome, String error) {
    }

    public record Result(int received, int created, int updated, int unchanged, int failed, List<RowResult> results) {
    }

    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern LEARNER_ID = Pattern.compile("[A-Za-z0-9@._:|-]{1,120}");
    private static final Pattern COURSE_ID = Pattern.compile(com.upward.platform.web.Slug.PATTERN);

    @Inject
    IntegrationEnrolmentRepository rows;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    CourseVersionRepository courses;

    @Inject
    LearnerCourseRefresh refresh;

    @Inject
    Clock clock;

    @Transactional
    public Result enrol(String orgId, String clientId, List<Row> request) {
        Instant now = clock.instant();
        RowResult[] results = new RowResult[request.size()];
        Map<Integer, LocalDate> dueDates = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Boolean> courseExists = new HashMap<>();
        for (int i = 0; i < request.size(); i++) {
            Row row = request.get(i);
            String error = problem(row, courseExists);
            if (error == null && !seen.add(row.externalId())) {
                error = "externalId " + row.externalId() + " appears twice in this request; send each row once";
            }
            if (error != null) {
                results[i] = new RowResult(i, row == null ? null : row.externalId(), Outcome.FAILED, error);
            } else {
                dueDates.put(i, LocalDate.parse(row.dueDate()));
            }
        }
        Map<String, Known> known = rows.known(orgId, dueDates.keySet().stream().map(i -> request.get(i).externalId()).toList());
        Set<String> members = new HashSet<>(dueDates.isEmpty() ? List.of()
                : enrolments.membersOf(orgId, new LinkedHashSet<>(dueDates.keySet().stream().map(i -> request.get(i).learnerId()).toList())));
        for (Map.Entry<Integer, LocalDate> accepted : dueDates.entrySet()) {
            int i = accepted.getKey();
            Row row = request.get(i);
            LocalDate due = accepted.getValue();
            Known before = known.get(row.externalId());
            if (before == null && !rows.add(orgId, row.externalId(), row.learnerId(), row.courseId(), due, clientId, now)) {
                // Stored by a concurrent request since we looked: it is that request's row now.
                before = rows.known(orgId, List.of(row.externalId())).get(row.externalId());
            }
            Outcome outcome;
            if (before == null) {
                outcome = Outcome.CREATED;
            } else if (!before.learnerId().equals(row.learnerId()) || !before.courseId().equals(row.courseId())) {
                results[i] = new RowResult(i, row.externalId(), Outcome.FAILED, "externalId " + row.externalId()
                        + " already enrolled learner " + before.learnerId() + " in course " + before.courseId()
                        + "; an external id names one enrolment, use a new one for another");
                continue;
            } else if (before.dueDate().equals(due)) {
                results[i] = new RowResult(i, row.externalId(), Outcome.UNCHANGED, null);
                continue;
            } else {
                rows.updateDueDate(orgId, row.externalId(), due, now);
                outcome = Outcome.UPDATED;
            }
            assign(orgId, clientId, row, due, members.contains(row.learnerId()), now);
            results[i] = new RowResult(i, row.externalId(), outcome, null);
        }
        List<RowResult> all = List.of(results);
        return new Result(all.size(), count(all, Outcome.CREATED), count(all, Outcome.UPDATED), count(all, Outcome.UNCHANGED),
                count(all, Outcome.FAILED), all);
    }

    private void assign(String orgId, String clientId, Row row, LocalDate due, boolean member, Instant now) {
        if (member) {
            enrolments.putAssigned(row.learnerId(), orgId, row.courseId(), due, clientId, now);
            refresh.refresh(row.learnerId(), row.courseId());
        } else {
            enrolments.putPending(orgId, row.learnerId(), row.courseId(), due, clientId, now);
        }
    }

    /** Why a row cannot be applied, or null. */
    private String problem(Row row, Map<String, Boolean> courseExists) {
        if (row == null) {
            return "the row is null; send an object with externalId, learnerId, courseId and dueDate";
        }
        List<String> problems = new ArrayList<>();
        if (row.externalId() == null || !EXTERNAL_ID.matcher(row.externalId()).matches()) {
            problems.add("externalId must be 1-200 visible ASCII characters");
        }
        if (row.learnerId() == null || !LEARNER_ID.matcher(row.learnerId()).matches()) {
            problems.add("learnerId must be 1-120 letters, digits or @ . _ : | -");
        }
        if (row.courseId() == null || !COURSE_ID.matcher(row.courseId()).matches()) {
            problems.add("courseId must be 1-80 lowercase letters, digits or dashes");
        } else if (!courseExists.computeIfAbsent(row.courseId(), courses::exists)) {
            problems.add("there is no course '" + row.courseId() + "'");
        }
        if (row.dueDate() == null) {
            problems.add("dueDate is required (YYYY-MM-DD)");
        } else {
            try {
                LocalDate.parse(row.dueDate());
            } catch (DateTimeParseException e) {
                problems.add("dueDate must be a date YYYY-MM-DD, not '" + row.dueDate() + "'");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static int count(List<RowResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
