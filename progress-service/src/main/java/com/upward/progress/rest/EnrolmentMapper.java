package com.upward.progress.rest;

import com.upward.progress.rest.EnrolmentViews.Enrolment;
import com.upward.progress.service.Enrolments;

import java.util.List;

/** From what {@link Enrolments} returns to the enrolment API's records. */
public final class EnrolmentMapper {

    private EnrolmentMapper() {
    }

    public static Enrolment view(Enrolments.Enrolment e) {
        return new Enrolment(e.courseId(), e.title(), e.source(), e.dueDate(), e.enrolledAt());
    }

    public static List<Enrolment> views(List<Enrolments.Enrolment> enrolments) {
        return enrolments.stream().map(EnrolmentMapper::view).toList();
    }
}
