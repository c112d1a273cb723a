package com.upward.course.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

@Entity
@Table(name = "course_module")
public class CourseModule extends PanacheEntityBase {

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

    public static List<CourseModule> ofVersion(CourseVersion version) {
        return list("courseVersionId = ?1 order by position", version.id);
    }
}
