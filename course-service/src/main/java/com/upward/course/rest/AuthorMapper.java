package com.upward.course.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.course.rest.AuthorViews.CourseDetails;
import com.upward.course.rest.AuthorViews.CreateDraft;
import com.upward.course.rest.AuthorViews.DraftLesson;
import com.upward.course.rest.AuthorViews.ModuleRequest;
import com.upward.course.rest.AuthorViews.Order;
import com.upward.course.rest.AuthorViews.QuizRequest;
import com.upward.course.service.DraftRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * From the author API's requests ({@link AuthorViews}, checked at the edge) to the service's input
 * ({@link DraftRecords}): a lesson's typed blocks become JSON here, with the application's object mapper. The
 * service's answers ({@link DraftRecords}) are the API's as they are.
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
}
