package com.upward.course.persistence;

import com.upward.course.domain.CourseVersion;
import com.upward.course.domain.QuizPlacement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The quiz placements of a published version (quiz_placement). */
@ApplicationScoped
public class QuizPlacementRepository implements PanacheRepositoryBase<QuizPlacement, Long> {

    public List<QuizPlacement> ofVersion(CourseVersion version) {
        return list("courseVersionId = ?1 order by id", version.id);
    }
}
