package com.upward.course.rest;

import com.upward.course.config.CourseConfig;
import com.upward.course.rest.AuthorViews.AuthorCourse;
import com.upward.course.rest.AuthorViews.CourseDetails;
import com.upward.course.rest.AuthorViews.CreateDraft;
import com.upward.course.rest.AuthorViews.DraftLesson;
import com.upward.course.rest.AuthorViews.DraftLessonView;
import com.upward.course.rest.AuthorViews.DraftView;
import com.upward.course.rest.AuthorViews.ModuleRequest;
import com.upward.course.rest.AuthorViews.ModuleTitle;
import com.upward.course.rest.AuthorViews.Order;
import com.upward.course.rest.AuthorViews.Publication;
import com.upward.course.rest.AuthorViews.QuizRequest;
import com.upward.course.rest.AuthorViews.Validation;
import com.upward.course.service.CourseDrafts;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Page;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import static com.upward.course.rest.AuthorViews.ID;
import static com.upward.course.rest.AuthorViews.ID_MESSAGE;

/**
 * The author API: drafts of a course, edited and published as new immutable versions. Authors only; the draft
 * answers carry its revision as ETag, and every write accepts an optional If-Match with it (412 when stale).
 */
@Path("/api/v1/admin/courses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUTHOR)
public class AuthorResource {

    @Inject
    CourseDrafts drafts;

    @Inject
    CurrentUser user;

    @Inject
    CourseConfig config;

    @GET
    public Page<AuthorCourse> courses(@QueryParam("page") @Pattern(regexp = Paging.NUMBER, message = Paging.NUMBER_MESSAGE) String page,
                                      @QueryParam("size") @Pattern(regexp = Paging.NUMBER, message = Paging.NUMBER_MESSAGE) String size) {
        return drafts.courses(Paging.of(page, size, config.maxPageSize()));
    }

    @POST
    @Path("/{courseId}/draft")
    @APIResponseSchema(value = DraftView.class, responseCode = "201")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createDraft(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                                @Valid CreateDraft request, @Context UriInfo uri) {
        DraftView draft = drafts.create(courseId, request, user.id());
        return tagged(Response.created(URI.create(uri.getPath())), draft);
    }

    @GET
    @Path("/{courseId}/draft")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    public Response draft(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId) {
        return tagged(Response.ok(), drafts.draft(courseId));
    }

    @DELETE
    @Path("/{courseId}/draft")
    public void deleteDraft(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                            @HeaderParam("If-Match") String ifMatch) {
        drafts.delete(courseId, ifMatch);
    }

    @PUT
    @Path("/{courseId}/draft/details")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response details(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                            @Valid @NotNull CourseDetails details, @HeaderParam("If-Match") String ifMatch) {
        return tagged(Response.ok(), drafts.details(courseId, details, ifMatch, user.id()));
    }

    @POST
    @Path("/{courseId}/draft/modules")
    @APIResponseSchema(value = DraftView.class, responseCode = "201")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addModule(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                              @Valid @NotNull ModuleRequest module, @HeaderParam("If-Match") String ifMatch) {
        return tagged(Response.status(201), drafts.addModule(courseId, module, ifMatch, user.id()));
    }

    @PUT
    @Path("/{courseId}/draft/modules/{moduleId}")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response renameModule(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                                 @PathParam("moduleId") @Pattern(regexp = ID, message = ID_MESSAGE) String moduleId,
                                 @Valid @NotNull ModuleTitle module, @HeaderParam("If-Match") String ifMatch) {
        return tagged(Response.ok(), drafts.renameModule(courseId, moduleId, module.title(), ifMatch, user.id()));
    }

    @POST
    @Path("/{courseId}/draft/lessons")
    @APIResponseSchema(value = DraftLessonView.class, responseCode = "201")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addLesson(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                              @Valid @NotNull DraftLesson lesson, @HeaderParam("If-Match") String ifMatch,
                              @Context UriInfo uri) {
        DraftLessonView created = drafts.addLesson(courseId, lesson, ifMatch, user.id());
        return Response.created(URI.create(uri.getPath() + "/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{courseId}/draft/lessons/{lessonId}")
    public DraftLessonView lesson(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                                  @PathParam("lessonId") @Pattern(regexp = ID, message = ID_MESSAGE) String lessonId) {
        return drafts.lesson(courseId, lessonId);
    }

    @PUT
    @Path("/{courseId}/draft/lessons/{lessonId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DraftLessonView updateLesson(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                                        @PathParam("lessonId") @Pattern(regexp = ID, message = ID_MESSAGE) String lessonId,
                                        @Valid @NotNull DraftLesson lesson, @HeaderParam("If-Match") String ifMatch) {
        return drafts.updateLesson(courseId, lessonId, lesson, ifMatch, user.id());
    }

    @DELETE
    @Path("/{courseId}/draft/lessons/{lessonId}")
    public void deleteLesson(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                             @PathParam("lessonId") @Pattern(regexp = ID, message = ID_MESSAGE) String lessonId,
                             @HeaderParam("If-Match") String ifMatch) {
        drafts.deleteLesson(courseId, lessonId, ifMatch, user.id());
    }

    @PUT
    @Path("/{courseId}/draft/order")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reorder(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                            @Valid @NotNull Order order, @HeaderParam("If-Match") String ifMatch) {
        return tagged(Response.ok(), drafts.reorder(courseId, order, ifMatch, user.id()));
    }

    @PUT
    @Path("/{courseId}/draft/quizzes/{quizId}")
    @APIResponseSchema(value = DraftView.class, responseCode = "200")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putQuiz(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                            @PathParam("quizId") @Pattern(regexp = ID, message = ID_MESSAGE) String quizId,
                            @Valid @NotNull QuizRequest quiz, @HeaderParam("If-Match") String ifMatch) {
        boolean created = drafts.putQuiz(courseId, quizId, quiz, ifMatch, user.id());
        return tagged(Response.status(created ? 201 : 200), drafts.draft(courseId));
    }

    @DELETE
    @Path("/{courseId}/draft/quizzes/{quizId}")
    public void deleteQuiz(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                           @PathParam("quizId") @Pattern(regexp = ID, message = ID_MESSAGE) String quizId,
                           @HeaderParam("If-Match") String ifMatch) {
        drafts.deleteQuiz(courseId, quizId, ifMatch, user.id());
    }

    /** What publishing now would refuse (always 200: an invalid draft is a normal state while editing). */
    @GET
    @Path("/{courseId}/draft/validation")
    public Validation validation(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId) {
        return drafts.validate(courseId);
    }

    @POST
    @Path("/{courseId}/draft/publication")
    @APIResponseSchema(value = Publication.class, responseCode = "201")
    public Response publish(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                            @HeaderParam("If-Match") String ifMatch) {
        Publication publication = drafts.publish(courseId, ifMatch, user.id());
        return Response.created(URI.create("/api/v1/courses/" + courseId)).entity(publication).build();
    }

    private static Response tagged(Response.ResponseBuilder response, DraftView draft) {
        return response.entity(draft).tag(new EntityTag(String.valueOf(draft.revision()))).build();
    }
}
