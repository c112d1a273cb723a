package com.upward.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


@Entity
@Table(name = "course_module")
public class CourseModule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_version_id", nullable = false)
    public Long courseVersionId;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;
}
