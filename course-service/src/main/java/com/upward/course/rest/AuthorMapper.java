package com.upward.course.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.course.rest.AuthorViews.AuthorCourse;
import com.upward.course.rest.AuthorViews.CourseDetails;
import com.upward.course.rest.AuthorViews.CreateDraft;
import com.upward.course.rest.AuthorViews.DraftLesson;
import com.upward.course.rest.AuthorViews.DraftLessonItem;
import com.upward.course.rest.AuthorViews.DraftLessonView;
import com.upward.course.rest.AuthorViews.DraftModuleView;
import com.upward.course.rest.AuthorViews.DraftState;
import com.upward.course.rest.AuthorViews.DraftView;
import com.upward.course.rest.AuthorViews.ModuleRequest;
import com.upward.course.rest.AuthorViews.Order;
import com.upward.course.rest.AuthorViews.Publication;
import com.upward.course.rest.AuthorViews.QuizRequest;
import com.upward.course.rest.AuthorViews.QuizView;
import com.upward.course.rest.AuthorViews.Validation;
import com.upward.course.service.DraftRecords;
import com.upward.platform.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Between the author API's records ({@link AuthorViews}) and {@link DraftRecords}: requests in (a lesson's typed
 * blocks become JSON here, with the application's object mapper), the draft out.
 */
@ApplicationScoped
public class AuthorMapper {

    @Inject
    ObjectMapper mapper;

    // Requests

    public DraftRecords.CreateDraft createDraft(CreateDraft request) {
        return request == null ? null : new DraftRecords.CreateDraft(
                request.start() == null ? null : DraftRecords.DraftStart.valueOf(request.start().name()),
                request.title(), request.summary(), request.attribution(), request.language());
    }

    public DraftRecords.CourseDetails details(CourseDetails details) {
        return new DraftRecords.CourseDetails(details.title(), details.summary(), details.attribution(), details.language());
    }

    public DraftRecords.ModuleRequest module(ModuleRequest module) {
        return new DraftRecords.ModuleRequest(module.id(), module.title());
    }

    public DraftRecords.DraftLesson lesson(DraftLesson lesson) {
        List<JsonNode> blocks = lesson.blocks().stream().map(block -> (JsonNode) mapper.valueToTree(block)).toList();
        return new DraftRecords.DraftLesson(lesson.id(), lesson.moduleId(), lesson.title(), lesson.estimatedMinutes(),
                lesson.required(), lesson.objectives(), blocks);
    }

    public DraftRecords.Order order(Order order) {
        return new DraftRecords.Order(order.modules().stream()
                .map(module -> new DraftRecords.ModuleOrder(module.id(), module.lessons())).toList());
    }

    public DraftRecords.QuizRequest quiz(QuizRequest quiz) {
        return new DraftRecords.QuizRequest(quiz.title(), quiz.moduleId(), quiz.passPercent(), quiz.required(),
                quiz.unlockedBy());
    }

    // Answers

    public Page<AuthorCourse> courses(Page<DraftRecords.AuthorCourse> page) {
        return CourseMapper.map(page, course -> new AuthorCourse(course.courseId(), course.title(),
                course.latestVersion(), course.latestPublishedAt(), course.draft() == null ? null
                : new DraftState(course.draft().basedOnVersion(), course.draft().revision(),
                course.draft().updatedBy(), course.draft().updatedAt())));
    }

    public DraftView draft(DraftRecords.DraftView draft) {
        return new DraftView(draft.courseId(), draft.basedOnVersion(), draft.revision(), draft.title(), draft.summary(),
                draft.attribution(), draft.language(), draft.modules().stream()
                .map(module -> new DraftModuleView(module.id(), module.title(), module.lessons().stream()
                        .map(lesson -> new DraftLessonItem(lesson.id(), lesson.title(), lesson.estimatedMinutes(),
                                lesson.required(), lesson.objectiveCount(), lesson.blockCount()))
                        .toList()))
                .toList(),
                draft.quizzes().stream()
                        .map(quiz -> new QuizView(quiz.id(), quiz.title(), quiz.moduleId(), quiz.passPercent(),
                                quiz.required(), quiz.unlockedBy()))
                        .toList(),
                draft.createdBy(), draft.createdAt(), draft.updatedBy(), draft.updatedAt());
    }

    public DraftLessonView lesson(DraftRecords.DraftLessonView lesson) {
        return new DraftLessonView(lesson.id(), lesson.moduleId(), lesson.title(), lesson.estimatedMinutes(),
                lesson.required(), lesson.objectives(), lesson.blocks());
    }

    public Validation validation(DraftRecords.Validation validation) {
        return new Validation(validation.courseId(), validation.version(), validation.valid(), validation.problems());
    }

    public Publication publication(DraftRecords.Publication publication) {
        return new Publication(publication.courseId(), publication.version(), publication.publishedAt(),
                publication.lessonCount(), publication.quizCount());
    }
}
