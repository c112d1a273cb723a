package com.upward.course.rest;

import com.upward.course.config.CourseConfig;
import com.upward.course.service.CourseReads.Completion;
import com.upward.course.service.CourseReads.CourseOutline;
import com.upward.course.service.CourseReads.CourseSummary;
import com.upward.course.service.CourseReads.LessonContent;
import com.upward.course.service.CourseReads.SearchHit;
import com.upward.course.service.CourseCatalog;
import com.upward.course.service.LessonCompletions;
import com.upward.course.service.LessonSearch;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.EntityTags;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** The learner API: the catalogue, a course's outline, its lessons, and marking a lesson done. */
@Path("/api/v1/courses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class CourseResource {

    @Inject
    CourseCatalog catalog;

    @Inject
    LessonCompletions completions;

    @Inject
    CurrentUser user;

    @Inject
    CourseConfig config;

    @Inject
    EntityTags entityTags;

    @Inject
    LessonSearch search;

    @GET
    public Page<CourseSummary> catalogue(@Valid @BeanParam PageParams paging) {
        return catalog.catalogue(paging.toRequest(config.maxPageSize()));
    }

    /** Full-text search over the lessons of the version this learner follows, best match first. */
    @GET
    @Path("/{courseId}/search")
    public Page<SearchHit> search(@PathParam("courseId") @Slug String courseId,
                                  @QueryParam("q") String q,
                                  @Valid @BeanParam PageParams paging) {
        return search.search(user.id(), user.orgId(), courseId, q, paging.toRequest(config.maxPageSize()));
    }

    /**
     * The outline carries this learner's state, so its ETag changes when they complete a lesson. That state is
     * the organisation's the learner follows the course in: a token of another organisation gets 403.
     */
    @GET
    @Path("/{courseId}")
    @APIResponseSchema(value = CourseOutline.class, responseCode = "200")
    public Response outline(@PathParam("courseId") @Slug String courseId,
                            @Context Request request) {
        return entityTags.conditionalOk(request, catalog.outline(user.id(), user.orgId(), courseId));
    }

    @GET
    @Path("/{courseId}/lessons/{lessonId}")
    @APIResponseSchema(value = LessonContent.class, responseCode = "200")
    public Response lesson(@PathParam("courseId") @Slug String courseId,
                           @PathParam("lessonId") @Slug String lessonId,
                           @Context Request request) {
        return entityTags.conditionalOk(request, catalog.lesson(user.id(), user.orgId(), courseId, lessonId));
    }

    /**
     * Marks a lesson done in the version this learner follows. {@code version}, when given (the version the
     * learner's lesson page showed), must be that version: a stale page gets 409 rather than a completion
     * recorded against a lesson the learner did not read.
     */
    @POST
    @Path("/{courseId}/lessons/{lessonId}/completion")
    public Completion complete(@PathParam("courseId") @Slug String courseId,
                               @PathParam("lessonId") @Slug String lessonId,
                               @QueryParam("version") @Pattern(regexp = "[1-9][0-9]{0,8}", message = "must be a version number, 1 or more") String version) {
        return completions.complete(user.id(), user.orgId(), courseId, lessonId,
                version == null ? null : Integer.valueOf(version));
    }
}
