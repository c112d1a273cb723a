package com.upward.assessment.rest;

import com.upward.assessment.rest.QuizViews.QuizSettings;
import com.upward.assessment.service.QuizPlacements;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Quiz settings for learners: never the answers. */
@Path("/api/v1/quizzes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class QuizResource {

    @Inject
    QuizPlacements placements;

    @GET
    @Path("/{quizId}")
    public QuizSettings quiz(@PathParam("quizId")
                             @Pattern(regexp = "[a-z0-9-]{1,80}", message = "must be 1-80 lowercase letters, digits or dashes")
                             String quizId) {
        return placements.settings(quizId);
    }
}
