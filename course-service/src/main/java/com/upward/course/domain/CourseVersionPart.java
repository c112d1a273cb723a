package com.upward.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** What a module, a lesson and a quiz placement have alike: a row of one course version, in a module, with a title. */
@MappedSuperclass
public abstract class CourseVersionPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_version_id", nullable = false)
    public Long courseVersionId;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @Column(nullable = false)
    public String title;
}
