package com.upward.course.rest;

import com.upward.course.config.CourseConfig;
import com.upward.course.rest.AuthorViews.CourseDetails;
import com.upward.course.rest.AuthorViews.CreateDraft;
import com.upward.course.rest.AuthorViews.DraftLesson;
import com.upward.course.rest.AuthorViews.ModuleRequest;
import com.upward.course.rest.AuthorViews.ModuleTitle;
import com.upward.course.rest.AuthorViews.Order;
import com.upward.course.rest.AuthorViews.QuizRequest;
import com.upward.course.service.CourseDrafts;
import com.upward.course.service.DraftRecords.AuthorCourse;
import com.upward.course.service.DraftRecords.Changes;
import com.upward.course.service.DraftRecords.DraftLessonView;
import com.upward.course.service.DraftRecords.DraftView;
import com.upward.course.service.DraftRecords.Publication;
import com.upward.course.service.DraftRecords.SavedLesson;
import com.upward.course.service.DraftRecords.Validation;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;

/**
 * The author API: drafts of a course, edited and published as new immutable versions. Authors only; the draft
 * answers carry its revision as ETag, and every write to an existing draft needs If-Match with it (428 without,
 * 412 when stale).
 */
@Path("/api/v1/admin/courses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUTHOR)
public class AuthorResource {

    @Inject
    CourseDrafts drafts;

    @Inject
    AuthorMapper map;

    @Inject
    CurrentUser user;

    @Inject
    CourseConfig config;

    @GET
    public Page<AuthorCourse> courses(@Valid @BeanParam PageParams paging) {
        return drafts.courses(paging.toRequest(config.maxPageSize()));
    }

    @POST
    @Path("/{courseId}/draft")
    @APIResponseSchema(value = DraftView.class, responseCode = "201")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createDraft(@PathParam("courseId") @Slug String courseId,
                                @Valid CreateDraft request, @Context UriInfo uri) {
        DraftView draft = drafts.create(courseId, map.createDraft(request), user.id());
        return tagged(Response.created(URI.create(uri.getPath())), draft);
    }

    @GET
    @Path("/{courseId}/draft")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    public Response draft(@PathParam("courseId") @Slug String courseId) {
        return tagged(Response.ok(), drafts.draft(courseId));
    }

    @DELETE
    @Path("/{courseId}/draft")
    public void deleteDraft(@PathParam("courseId") @Slug String courseId,
                            @HeaderParam("If-Match") String ifMatch) {
        drafts.delete(courseId, ifMatch);
    }

    @PUT
    @Path("/{courseId}/draft/details")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response details(@PathParam("courseId") @Slug String courseId,
                            @Valid @NotNull CourseDetails details, @HeaderParam("If-Match") String ifMatch) {
        return tagged(Response.ok(), drafts.details(courseId, map.details(details), ifMatch, user.id()));
    }

    @POST
    @Path("/{courseId}/draft/modules")
    @APIResponseSchema(value = DraftView.class, responseCode = "201")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addModule(@PathParam("courseId") @Slug String courseId,
                              @Valid @NotNull ModuleRequest module, @HeaderParam("If-Match") String ifMatch) {
        return tagged(Response.status(201), drafts.addModule(courseId, map.module(module), ifMatch, user.id()));
    }

    @PUT
    @Path("/{courseId}/draft/modules/{moduleId}")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response renameModule(@PathParam("courseId") @Slug String courseId,
                                 @PathParam("moduleId") @Slug String moduleId,
                                 @Valid @NotNull ModuleTitle module, @HeaderParam("If-Match") String ifMatch) {
        return tagged(Response.ok(), drafts.renameModule(courseId, moduleId, module.title(), ifMatch, user.id()));
    }

    @POST
    @Path("/{courseId}/draft/lessons")
    @APIResponseSchema(value = DraftLessonView.class, responseCode = "201")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addLesson(@PathParam("courseId") @Slug String courseId,
                              @Valid @NotNull DraftLesson lesson, @HeaderParam("If-Match") String ifMatch,
                              @Context UriInfo uri) {
        DraftLessonView created = drafts.addLesson(courseId, map.lesson(lesson), ifMatch, user.id());
        return Response.created(URI.create(uri.getPath() + "/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{courseId}/draft/lessons/{lessonId}")
    public DraftLessonView lesson(@PathParam("courseId") @Slug String courseId,
                                  @PathParam("lessonId") @Slug String lessonId) {
        return drafts.lesson(courseId, lessonId);
    }

    @PUT
    @Path("/{courseId}/draft/lessons/{lessonId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = DraftLessonView.class, responseCode = "200")
    public Response updateLesson(@PathParam("courseId") @Slug String courseId,
                                 @PathParam("lessonId") @Slug String lessonId,
                                 @Valid @NotNull DraftLesson lesson, @HeaderParam("If-Match") String ifMatch) {
        // The answer's ETag is the draft's new revision, so the next write can name it without reading the draft again.
        SavedLesson saved = drafts.updateLesson(courseId, lessonId, map.lesson(lesson), ifMatch, user.id());
        return Response.ok(saved.lesson()).tag(new EntityTag(String.valueOf(saved.revision()))).build();
    }

    @DELETE
    @Path("/{courseId}/draft/lessons/{lessonId}")
    public void deleteLesson(@PathParam("courseId") @Slug String courseId,
                             @PathParam("lessonId") @Slug String lessonId,
                             @HeaderParam("If-Match") String ifMatch) {
        drafts.deleteLesson(courseId, lessonId, ifMatch, user.id());
    }

    @PUT
    @Path("/{courseId}/draft/order")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reorder(@PathParam("courseId") @Slug String courseId,
                            @Valid @NotNull Order order, @HeaderParam("If-Match") String ifMatch) {
        return tagged(Response.ok(), drafts.reorder(courseId, map.order(order), ifMatch, user.id()));
    }

    @PUT
    @Path("/{courseId}/draft/quizzes/{quizId}")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putQuiz(@PathParam("courseId") @Slug String courseId,
                            @PathParam("quizId") @Slug String quizId,
                            @Valid @NotNull QuizRequest quiz, @HeaderParam("If-Match") String ifMatch) {
        boolean created = drafts.putQuiz(courseId, quizId, map.quiz(quiz), ifMatch, user.id());
        return tagged(Response.status(created ? 201 : 200), drafts.draft(courseId));
    }

    @DELETE
    @Path("/{courseId}/draft/quizzes/{quizId}")
    public void deleteQuiz(@PathParam("courseId") @Slug String courseId,
                           @PathParam("quizId") @Slug String quizId,
                           @HeaderParam("If-Match") String ifMatch) {
        drafts.deleteQuiz(courseId, quizId, ifMatch, user.id());
    }

    /** What publishing now would refuse (always 200: an invalid draft is a normal state while editing). */
    @GET
    @Path("/{courseId}/draft/validation")
    public Validation validation(@PathParam("courseId") @Slug String courseId) {
        return drafts.validate(courseId);
    }

    /** What publishing would change: the draft against the newest published version, for the confirmation. */
    @GET
    @Path("/{courseId}/draft/changes")
    public Changes changes(@PathParam("courseId") @Slug String courseId) {
        return drafts.changes(courseId);
    }

    @POST
    @Path("/{courseId}/draft/publication")
    @APIResponseSchema(value = Publication.class, responseCode = "201")
    public Response publish(@PathParam("courseId") @Slug String courseId,
                            @HeaderParam("If-Match") String ifMatch) {
        Publication publication = drafts.publish(courseId, ifMatch, user.id());
        return Response.created(URI.create("/api/v1/courses/" + courseId)).entity(publication).build();
    }

    private static Response tagged(Response.ResponseBuilder response, DraftView draft) {
        return response.entity(draft).tag(new EntityTag(String.valueOf(draft.revision()))).build();
    }
}
