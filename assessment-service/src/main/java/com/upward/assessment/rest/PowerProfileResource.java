package com.upward.assessment.rest;

import com.upward.assessment.rest.PowerProfileViews.PowerProfile;
import com.upward.assessment.rest.PowerProfileViews.PowerProfileRequest;
import com.upward.assessment.service.PowerProfileService;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's own power-profile self-assessment. */
@Path("/api/v1/me/power-profile")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
public class PowerProfileResource {

    @Inject
    PowerProfileService profiles;

    @Inject
    CurrentUser user;

    @GET
    public PowerProfile profile() {
        return PowerProfileMapper.view(profiles.read(user.orgId(), user.id()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PowerProfile save(@NotNull(message = "a body with answers is required") @Valid PowerProfileRequest request) {
        return PowerProfileMapper.view(profiles.save(user.orgId(), user.id(), request.answers()));
    }
}
