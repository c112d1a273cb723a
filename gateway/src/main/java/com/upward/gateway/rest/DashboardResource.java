package com.upward.gateway.rest;

import com.upward.gateway.config.GatewayConfig;
import com.upward.gateway.service.Dashboard;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The learner's dashboard in one call; the learner is the token's subject, never a parameter. */
@Path("/api/v1/me/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEARNER)
@Tag(name = "Progress")
public class DashboardResource {

    @Inject
    Dashboard dashboard;

    @Inject
    JsonWebToken token;

    @Inject
    GatewayConfig config;

    @GET
    @Operation(summary = "The learner dashboard in one call: course outline, progress and quiz states; a part whose service is down is marked UNAVAILABLE (learner)")
    public Dashboard.View dashboard(@QueryParam("courseId")
                                    @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be a course id like how-to-lead-upward")
                                    String courseId) {
        // Each service checks the learner's own token again: the gateway passes it on, never a token of its own.
        return dashboard.of("Bearer " + token.getRawToken(), courseId == null ? config.dashboardCourse() : courseId);
    }
}
