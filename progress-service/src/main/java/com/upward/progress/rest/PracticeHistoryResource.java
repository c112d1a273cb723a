package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import com.upward.progress.service.PracticeHistory;
import com.upward.progress.service.PracticeHistory.LearnerPractice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The learner's own practice beside their progress: mastery per power type over time, sets done, conversations held. */
@Path("/api/v1/me/practice-history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class PracticeHistoryResource {

    @Inject
    PracticeHistory history;

    @Inject
    CurrentUser user;

    @GET
    public LearnerPractice practice() {
        return history.of(user.orgId(), user.id());
    }
}
