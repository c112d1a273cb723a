package com.upward.gateway.rest;

import com.upward.gateway.identity.LtiSessions;
import com.upward.platform.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The portal takes up the session an LTI launch made, with the launch's one-time code (identity/LtiSessions). */
@Path("/api/v1/auth/lti-session")
@Tag(name = "Sign-in")
@SecurityRequirements
public class LtiSessionResource {

    public record SessionRequest(@NotBlank @Size(max = 100) String code) {
    }

    @Inject
    LtiSessions sessions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A launch's one-time code → the session's token and the portal route to land on; once")
    public LtiSessions.Session session(@Valid @NotNull SessionRequest request) {
        return sessions.pickUp(request.code()).orElseThrow(() -> new ProblemException(401, "Launch expired",
                "This launch link was used already or has expired; launch Upward from your LMS again."));
    }
}
