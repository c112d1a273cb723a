package com.upward.assessment.rest;

import com.upward.assessment.rest.StatisticsViews.QuizStats;
import com.upward.assessment.service.QuestionStatistics;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Question statistics for the admins of an organisation: their own organisation (from the token) only. */
@Path("/api/v1/admin/question-statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class QuestionStatisticsResource {

    @Inject
    QuestionStatistics statistics;

    @Inject
    CurrentUser user;

    @GET
    @Path("/{quizId}")
    public QuizStats statistics(@PathParam("quizId") @Slug String quizId) {
        return StatisticsMapper.view(statistics.read(user.orgId(), quizId));
    }
}
