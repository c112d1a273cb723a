package com.upward.assessment.rest;

import com.upward.assessment.rest.AttemptViews.AttemptView;
import com.upward.assessment.rest.QuizViews.QuizSettings;
import com.upward.assessment.service.AttemptService;
import com.upward.assessment.service.QuizService;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** Quiz settings and starting attempts, for learners: never the answers. */
@Path("/api/v1/quizzes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class QuizResource {

    @Inject
    QuizService quizzes;

    @Inject
    AttemptService attempts;

    @Inject
    CurrentUser user;

    @GET
    @Path("/{quizId}")
    public QuizSettings quiz(@PathParam("quizId") @Slug String quizId) {
        return QuizMapper.settings(quizzes.settings(quizId, user.orgId(), user.id()));
    }

    /** 201 with a new attempt, or 200 with the learner's open one (a reload resumes it, it does not use up an attempt). */
    @POST
    @Path("/{quizId}/attempts")
    public RestResponse<AttemptView> start(@PathParam("quizId") @Slug String quizId) {
        var started = attempts.start(quizId, user.orgId(), user.id());
        AttemptView attempt = AttemptMapper.view(started.attempt());
        URI location = URI.create("/api/v1/attempts/" + attempt.id());
        return RestResponse.ResponseBuilder.<AttemptView>create(started.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK)
                .entity(attempt).location(location).build();
    }
}
