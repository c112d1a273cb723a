package com.upward.course.persistence;

import com.upward.course.domain.CourseVersion;
import com.upward.course.domain.CourseVersionPart;
import com.upward.course.domain.Lesson;
import com.upward.course.domain.VersionContent;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * A published version's parts (modules, lessons, quiz placements): written once when it is published, read back whole
 * for the outline, the cmi5 package and a new draft.
 */
@ApplicationScoped
public class VersionContents {

    @Inject
    CourseModuleRepository modules;

    @Inject
    LessonRepository lessons;

    @Inject
    QuizPlacementRepository quizzes;

    public VersionContent of(CourseVersion version) {
        return new VersionContent(version, modules.ofVersion(version), lessons.ofVersion(version), quizzes.ofVersion(version));
    }

    /** A module, lesson or quiz placement of a version being published; none changes after. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(CourseVersionPart part) {
        Panache.getEntityManager().persist(part);
    }

    /** The lessons alone, where nothing else is shown (the catalogue's counts). */
    public List<Lesson> lessons(CourseVersion version) {
        return lessons.ofVersion(version);
    }
}
