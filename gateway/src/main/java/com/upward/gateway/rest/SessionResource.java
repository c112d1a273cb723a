package com.upward.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.upward.gateway.config.IdentityConfig;
import com.upward.gateway.identity.BrowserSession;
import com.upward.gateway.identity.SessionCookies;
import com.upward.gateway.identity.SessionStore;
import com.upward.gateway.identity.UserDirectory;
import com.upward.platform.web.Problem;
import com.upward.platform.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.util.List;
import java.util.Optional;

/**
 * Browser sign-in: the gateway keeps the session (and its token) and the browser an HttpOnly cookie naming it.
 * API clients keep using POST /api/v1/auth/token and their bearer tokens; nothing here changes that.
 */
@Path("/api/v1/auth/session")
@Tag(name = "Sign-in")
@SecurityRequirements
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** A person signing in: the same username and password as the password grant. */
    public record SignIn(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** Whether this browser has a session: {@code SIGNED_IN}, {@code SIGNED_OUT} (no cookie) or {@code ENDED}. */
    public enum State { SIGNED_IN, SIGNED_OUT, ENDED }

    /**
     * The browser's session state; when signed in, who it is and the CSRF token to send with every write of this
     * session. Not being signed in is an answer here, not an error: a page asks this on every load.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionView(State state, String name, String username, String org, List<String> roles, String csrfToken,
                              Long idleTimeoutSeconds) {

        static SessionView without(State state) {
            return new SessionView(state, null, null, null, null, null, null);
        }

        static SessionView of(BrowserSession session, IdentityConfig config) {
            var account = session.account();
            return new SessionView(State.SIGNED_IN, account.name(), account.username(), account.org(),
                    List.copyOf(account.roles()), session.csrfToken(), config.session().idleTimeout().toSeconds());
        }
    }

    @Inject
    UserDirectory users;

    @Inject
    SessionStore sessions;

    @Inject
    SessionCookies cookies;

    @Inject
    IdentityConfig config;

    @Context
    HttpServerRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in a browser: sets the HttpOnly session cookie and answers who is signed in, with the session's CSRF token")
    @APIResponse(responseCode = "200", description = "Signed in; Set-Cookie names the session",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response signIn(@Valid @NotNull SignIn signIn) {
        if (!config.localIssuer()) {
            throw ProblemException.notFound("Sign in with your organisation's identity provider; this gateway issues no tokens.");
        }
        var account = users.authenticate(signIn.username(), signIn.password())
                .orElseThrow(() -> new ProblemException(401, "Sign-in failed", "The username or password is wrong."));
        SessionCookies.SignedIn signedIn = cookies.signIn(account, request);
        return Response.ok(view(signedIn.session())).header(HttpHeaders.SET_COOKIE, signedIn.cookie()).build();
    }

    @GET
    @Operation(summary = "This browser's session: SIGNED_IN with who and the session's CSRF token (after a reload or in a new tab), SIGNED_OUT, or ENDED (the cookie names a session that has ended; the cookie is removed)")
    @APIResponse(responseCode = "200", description = "The session's state",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    public Response current() {
        Optional<String> id = currentId();
        Optional<BrowserSession> session = id.flatMap(sessions::active);
        if (session.isPresent()) {
            return Response.ok(view(session.get())).build();
        }
        if (id.isEmpty()) {
            return Response.ok(SessionView.without(State.SIGNED_OUT)).build();
        }
        return Response.ok(SessionView.without(State.ENDED)).header(HttpHeaders.SET_COOKIE, cookies.removal(https())).build();
    }

    @DELETE
    @Operation(summary = "Sign out: ends the session on the server and removes the cookie; needs the session's X-CSRF-Token")
    @APIResponse(responseCode = "204", description = "Signed out (also when there was no session)")
    @APIResponse(responseCode = "403", description = "A live session, but not its CSRF token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signOut(@HeaderParam(SessionCookies.CSRF_HEADER) String csrfToken) {
        Optional<String> id = currentId();
        Optional<BrowserSession> session = id.flatMap(sessions::active);
        if (session.isPresent() && !SessionStore.csrfMatches(session.get(), csrfToken)) {
            throw ProblemException.forbidden("Signing out needs the session's " + SessionCookies.CSRF_HEADER + " header.");
        }
        id.ifPresent(sessions::close);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookies.removal(https())).build();
    }

    private Optional<String> currentId() {
        return cookies.sessionId(request);
    }

    private boolean https() {
        return SessionCookies.https(request);
    }

    private SessionView view(BrowserSession session) {
        return SessionView.of(session, config);
    }
}
