package com.upward.course.rest;

import com.upward.course.config.CourseConfig;
import com.upward.course.rest.CourseViews.Completion;
import com.upward.course.rest.CourseViews.CourseOutline;
import com.upward.course.rest.CourseViews.CourseSummary;
import com.upward.course.rest.CourseViews.LessonContent;
import com.upward.course.service.CourseCatalog;
import com.upward.course.service.LessonCompletions;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The learner API: the catalogue, a course's outline, its lessons, and marking a lesson done. */
@Path("/api/v1/courses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class CourseResource {

    static final String ID = "[a-z0-9-]{1,80}";
    static final String ID_MESSAGE = "must be 1-80 lowercase letters, digits or dashes";

    @Inject
    CourseCatalog catalog;

    @Inject
    LessonCompletions completions;

    @Inject
    CurrentUser user;

    @Inject
    CourseConfig config;

    @GET
    public Page<CourseSummary> catalogue(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return catalog.catalogue(PageRequest.of(page, size, config.maxPageSize()));
    }

    @GET
    @Path("/{courseId}")
    public CourseOutline outline(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId) {
        return catalog.outline(user.id(), courseId);
    }

    @GET
    @Path("/{courseId}/lessons/{lessonId}")
    public LessonContent lesson(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                                @PathParam("lessonId") @Pattern(regexp = ID, message = ID_MESSAGE) String lessonId) {
        return catalog.lesson(user.id(), courseId, lessonId);
    }

    @POST
    @Path("/{courseId}/lessons/{lessonId}/completion")
    public Completion complete(@PathParam("courseId") @Pattern(regexp = ID, message = ID_MESSAGE) String courseId,
                               @PathParam("lessonId") @Pattern(regexp = ID, message = ID_MESSAGE) String lessonId) {
        return completions.complete(user.id(), user.orgId(), courseId, lessonId);
    }
}
