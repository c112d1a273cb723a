package com.upward.course.persistence;

import com.upward.course.domain.CourseModule;
import com.upward.course.domain.CourseVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The modules of a published version (course_module). */
@ApplicationScoped
public class CourseModuleRepository implements PanacheRepositoryBase<CourseModule, Long> {

    public List<CourseModule> ofVersion(CourseVersion version) {
        return list("courseVersionId = ?1 order by position", version.id);
    }
}
