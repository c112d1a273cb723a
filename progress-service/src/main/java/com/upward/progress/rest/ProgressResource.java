package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import com.upward.progress.rest.ProgressViews.CourseProgress;
import com.upward.progress.service.LearnerProfiles;
import com.upward.progress.service.ProgressQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The learner's own progress: the learner comes from the token, never from the path. */
@Path("/api/v1/me/progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class ProgressResource {

    @Inject
    ProgressQueries queries;

    @Inject
    LearnerProfiles profiles;

    @Inject
    CurrentUser user;

    @GET
    public List<CourseProgress> all() {
        profiles.remember(user.id(), user.orgId(), user.displayName());
        return ProgressMapper.views(queries.allCourses(user.id()));
    }

    @GET
    @Path("/{courseId}")
    public CourseProgress course(@PathParam("courseId")
                                 @Slug
                                 String courseId) {
        profiles.remember(user.id(), user.orgId(), user.displayName());
        return ProgressMapper.view(queries.course(user.id(), courseId));
    }
}
