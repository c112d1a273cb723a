package com.upward.course.rest;

import com.upward.course.rest.CourseViews.Completion;
import com.upward.course.rest.CourseViews.CourseOutline;
import com.upward.course.rest.CourseViews.CourseSummary;
import com.upward.course.rest.CourseViews.LessonContent;
import com.upward.course.rest.CourseViews.LessonItem;
import com.upward.course.rest.CourseViews.ModuleOutline;
import com.upward.course.rest.CourseViews.QuizItem;
import com.upward.course.rest.CourseViews.SearchHit;
import com.upward.course.service.CourseReads;
import com.upward.platform.web.Page;

import java.util.function.Function;

/** From what the learner side's services return ({@link CourseReads}) to the API's records ({@link CourseViews}). */
final class CourseMapper {

    static Page<CourseSummary> catalogue(Page<CourseReads.CourseSummary> page) {
        return map(page, course -> new CourseSummary(course.id(), course.title(), course.summary(), course.version(),
                course.lessonCount(), course.estimatedMinutes()));
    }

    static CourseOutline outline(CourseReads.CourseOutline outline) {
        return new CourseOutline(outline.id(), outline.title(), outline.summary(), outline.attribution(),
                outline.version(), outline.latestVersion(), outline.estimatedMinutes(), outline.lessonsCompleted(),
                outline.lessonsTotal(), outline.nextLessonId(), outline.modules().stream()
                .map(module -> new ModuleOutline(module.id(), module.title(), module.position(),
                        module.lessons().stream().map(lesson -> new LessonItem(lesson.id(), lesson.title(),
                                lesson.position(), lesson.estimatedMinutes(), lesson.required(), lesson.completed())).toList(),
                        module.quizzes().stream().map(quiz -> new QuizItem(quiz.id(), quiz.title(), quiz.passPercent(),
                                quiz.required(), quiz.unlockedBy(), quiz.unlocked(), quiz.lockedReason())).toList()))
                .toList());
    }

    static LessonContent lesson(CourseReads.LessonContent lesson) {
        return new LessonContent(lesson.courseId(), lesson.version(), lesson.id(), lesson.moduleId(),
                lesson.moduleTitle(), lesson.position(), lesson.title(), lesson.estimatedMinutes(), lesson.required(),
                lesson.objectives(), lesson.blocks(), lesson.previousLessonId(), lesson.nextLessonId(),
                lesson.completed(), lesson.attribution());
    }

    static Page<SearchHit> hits(Page<CourseReads.SearchHit> page) {
        return map(page, hit -> new SearchHit(hit.lessonId(), hit.title(), hit.moduleId(), hit.position(), hit.rank(),
                hit.snippet()));
    }

    static Completion completion(CourseReads.Completion completion) {
        return new Completion(completion.courseId(), completion.version(), completion.lessonId(),
                completion.completedAt());
    }

    static <S, T> Page<T> map(Page<S> page, Function<S, T> item) {
        return new Page<>(page.items().stream().map(item).toList(), page.page(), page.size(), page.totalItems(),
                page.totalPages());
    }

    private CourseMapper() {
    }
}
