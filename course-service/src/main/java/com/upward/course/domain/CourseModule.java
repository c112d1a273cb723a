package com.upward.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A module of one course version, in its place among the version's modules. */
@Entity
@Table(name = "course_module")
public class CourseModule extends CourseVersionPart {

    @Column(nullable = false)
    public int position;
}
