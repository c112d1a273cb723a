package com.upward.course.service;

import com.upward.course.domain.CourseModule;
import com.upward.course.domain.CourseVersion;
import com.upward.course.domain.LearnerCourse;
import com.upward.course.domain.Lesson;
import com.upward.course.domain.QuizPlacement;
import com.upward.course.domain.VersionContent;
import com.upward.course.persistence.CourseVersionRepository;
import com.upward.course.persistence.LearnerCourseRepository;
import com.upward.course.persistence.LessonCompletionRepository;
import com.upward.course.persistence.VersionContents;
import com.upward.course.service.CourseReads.CourseOutline;
import com.upward.course.service.CourseReads.CourseSummary;
import com.upward.course.service.CourseReads.LessonContent;
import com.upward.course.service.CourseReads.LessonItem;
import com.upward.course.service.CourseReads.ModuleOutline;
import com.upward.course.service.CourseReads.QuizItem;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.errors.AccessDeniedException;
import com.upward.platform.web.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What learners read: the catalogue, a course's outline with their state, and lessons. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CourseCatalog {

    /** The refusal of a learner's course state to a token of another organisation, reads and writes alike. */
    static final String OTHER_ORGANISATION =
            "This learner follows the course in another organisation; sign in through that organisation.";

    @Inject
    CourseVersionRepository versions;

    @Inject
    VersionContents contents;

    @Inject
    LearnerCourseRepository learnerCourses;

    @Inject
    LessonCompletionRepository completions;

    public Page<CourseSummary> catalogue(PageRequest page) {
        List<CourseSummary> items = versions.latestOfEachCourse(page.page(), page.size()).stream()
                .map(version -> {
                    List<Lesson> lessons = contents.lessons(version);
                    return new CourseSummary(version.courseId, version.title, version.summary, version.version,
                            lessons.size(), lessons.stream().mapToInt(lesson -> lesson.estimatedMinutes).sum());
                })
                .toList();
        return Page.of(items, page, versions.countCourses());
    }

    public CourseOutline outline(String learnerId, String orgId, String courseId) {
        CourseVersion latest = latest(courseId);
        CourseVersion version = versionFor(learnerId, orgId, courseId, latest);
        VersionContent content = contents.of(version);
        List<Lesson> lessons = content.lessons();
        Set<String> done = completedLessons(learnerId, courseId, version.version);
        List<ModuleOutline> modules = content.modules().stream()
                .map(module -> new ModuleOutline(module.moduleId, module.title, module.position,
                        content.lessonsOf(module).stream()
                                .map(lesson -> new LessonItem(lesson.lessonId, lesson.title, lesson.position,
                                        lesson.estimatedMinutes, lesson.required, done.contains(lesson.lessonId)))
                                .toList(),
                        content.quizzesOf(module).stream().map(quiz -> quizItem(quiz, lessons, done)).toList()))
                .toList();
        String next = lessons.stream().filter(lesson -> !done.contains(lesson.lessonId))
                .map(lesson -> lesson.lessonId).findFirst().orElse(null);
        int completed = (int) lessons.stream().filter(lesson -> done.contains(lesson.lessonId)).count();
        return new CourseOutline(version.courseId, version.title, version.summary, version.attribution, version.version,
                latest.version, lessons.stream().mapToInt(lesson -> lesson.estimatedMinutes).sum(), completed,
                lessons.size(), next, modules);
    }

    public LessonContent lesson(String learnerId, String orgId, String courseId, String lessonId) {
        CourseVersion version = versionFor(learnerId, orgId, courseId, latest(courseId));
        VersionContent content = contents.of(version);
        List<Lesson> lessons = content.lessons();
        int index = indexOf(lessons, lessonId, version);
        Lesson lesson = lessons.get(index);
        CourseModule module = content.moduleOf(lesson);
        boolean completed = completedLessons(learnerId, courseId, version.version).contains(lessonId);
        return new LessonContent(courseId, version.version, lesson.lessonId, module.moduleId, module.title,
                lesson.position, lesson.title, lesson.estimatedMinutes, lesson.required, lesson.objectives, lesson.blocks,
                index > 0 ? lessons.get(index - 1).lessonId : null,
                index < lessons.size() - 1 ? lessons.get(index + 1).lessonId : null,
                completed, version.attribution);
    }

    /**
     * The version this learner follows: the one they started, else the newest. A learner's state in a course
     * (its version, its completions) is keyed by the learner id and belongs to the organisation they started it
     * in, so a token naming the same learner under another organisation is refused, never shown that state.
     */
    CourseVersion versionFor(String learnerId, String orgId, String courseId, CourseVersion latest) {
        Optional<LearnerCourse> started = learnerCourses.of(learnerId, courseId);
        if (started.isPresent() && !started.get().orgId.equals(orgId)) {
            throw new AccessDeniedException(OTHER_ORGANISATION);
        }
        return started.map(course -> versions.version(courseId, course.version).orElse(latest)).orElse(latest);
    }

    CourseVersion latest(String courseId) {
        return versions.latest(courseId)
                .orElseThrow(() -> new NotFoundException("There is no course '" + courseId + "'."));
    }

    private static int indexOf(List<Lesson> lessons, String lessonId, CourseVersion version) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).lessonId.equals(lessonId)) {
                return i;
            }
        }
        throw new NotFoundException("Course '" + version.courseId + "' version " + version.version
                + " has no lesson '" + lessonId + "'.");
    }

    Set<String> completedLessons(String learnerId, String courseId, int version) {
        return Set.copyOf(completions.lessonIds(learnerId, courseId, version));
    }

    private static QuizItem quizItem(QuizPlacement quiz, List<Lesson> lessons, Set<String> done) {
        List<String> missing = quiz.unlockedBy.stream().filter(lessonId -> !done.contains(lessonId)).toList();
        String reason = missing.isEmpty() ? null : "Complete first: " + missing.stream()
                .map(id -> lessons.stream().filter(lesson -> lesson.lessonId.equals(id)).map(lesson -> lesson.title)
                        .findFirst().orElse(id))
                .collect(Collectors.joining(", ")) + ".";
        return new QuizItem(quiz.quizId, quiz.title, quiz.passPercent, quiz.required, quiz.unlockedBy, missing.isEmpty(), reason);
    }
}
