package com.upward.assessment.rest;

import com.upward.assessment.rest.AttemptViews.AnswersRequest;
import com.upward.assessment.rest.AttemptViews.AttemptView;
import com.upward.assessment.service.AttemptService;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** The owner's attempt: read it, save answers, submit it. Anyone else's attempt is "not found". */
@Path("/api/v1/attempts/{attemptId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class AttemptResource {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Inject
    AttemptService attempts;

    @Inject
    CurrentUser user;

    @GET
    public AttemptView attempt(@PathParam("attemptId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String attemptId) {
        return AttemptMapper.view(attempts.read(UUID.fromString(attemptId), user.orgId(), user.id()));
    }

    @PUT
    @Path("/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    public AttemptView save(@PathParam("attemptId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String attemptId,
                            @NotNull(message = "a body with answers is required") @Valid AnswersRequest request) {
        return AttemptMapper.view(attempts.save(UUID.fromString(attemptId), user.orgId(), user.id(),
                AttemptMapper.given(request.answers())));
    }

    @POST
    @Path("/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    public AttemptView submit(@PathParam("attemptId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String attemptId,
                              @NotNull(message = "a body with answers is required") @Valid AnswersRequest request) {
        return AttemptMapper.view(attempts.submit(UUID.fromString(attemptId), user.orgId(), user.id(),
                AttemptMapper.given(request.answers())));
    }
}
