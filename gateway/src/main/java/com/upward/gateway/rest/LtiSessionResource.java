package com.upward.gateway.rest;

import com.upward.gateway.config.IdentityConfig;
import com.upward.gateway.identity.LtiSessions;
import com.upward.gateway.identity.SessionCookies;
import com.upward.platform.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The portal takes up the session an LTI launch made, with the launch's one-time code (identity/LtiSessions): the same
 * browser session, cookie and CSRF token as a sign-in, and the portal route to land on.
 */
@Path("/api/v1/auth/lti-session")
@Tag(name = "Sign-in")
@SecurityRequirements
public class LtiSessionResource {

    public record SessionRequest(@NotBlank @Size(max = 100) String code) {
    }

    /** The signed-in session, as {@code GET /api/v1/auth/session} tells it, and where the launch asked to go. */
    public record LaunchedSession(String landing, SessionResource.SessionView session) {
    }

    @Inject
    LtiSessions launches;

    @Inject
    SessionCookies cookies;

    @Inject
    IdentityConfig config;

    @Context
    HttpServerRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A launch's one-time code → a browser session (Set-Cookie) for the launched user and the portal route to land on; once")
    @APIResponse(responseCode = "200", description = "Signed in; Set-Cookie names the session",
            content = @Content(schema = @Schema(implementation = LaunchedSession.class)))
    public Response session(@Valid @NotNull SessionRequest body) {
        LtiSessions.PickedUp launched = launches.pickUp(body.code()).orElseThrow(() -> new ProblemException(401,
                "Launch expired", "This launch link was used already or has expired; launch Upward from your LMS again."));
        SessionCookies.SignedIn signedIn = cookies.signIn(launched.account(), request);
        return Response.ok(new LaunchedSession(launched.landing(), SessionResource.SessionView.of(signedIn.session(), config)))
                .header(HttpHeaders.SET_COOKIE, signedIn.cookie()).build();
    }
}
