package com.upward.progress.rest;

import java.time.Instant;
import java.time.LocalDate;

/** The JSON answers about enrolments; {@link EnrolmentMapper} makes them. */
public final class EnrolmentViews {

    /** source: SELF or ASSIGNED; title: the newest version's, null before the course is known. */
    public record Enrolment(String courseId, String title, String source, LocalDate dueDate, Instant enrolledAt) {
    }

    private EnrolmentViews() {
    }
}
