package com.upward.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.upward.gateway.client.LtiClient;
import com.upward.gateway.client.SourceErrors;
import com.upward.gateway.config.LtiToolConfig;
import com.upward.gateway.identity.LtiSessions;
import com.upward.platform.web.Problem;
import com.upward.platform.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Upward as an LTI 1.3 tool, the browser's side: OIDC login initiation (the state is bound to this browser by a
 * cookie), the launch (the id_token is checked by progress-service, which holds the registrations and nonces), the
 * tool's keys, and the portal picking up the session a launch made. See the README's "LTI 1.3".
 */
@Path("/")
@Tag(name = "LTI 1.3")
@SecurityRequirements
public class LtiResource {

    static final String STATE_COOKIE = "upward_lti_";
    /** The length of randomToken(): 24 random bytes, base64url. */
    private static final int RANDOM_TOKEN_LENGTH = 32;
    /** A frame name the platform may give as lti_storage_target (_parent, or a frame of its page). */
    private static final Pattern STORAGE_TARGET = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final List<String> LOGIN_FIELDS = List.of("iss", "login_hint", "target_link_uri", "lti_message_hint",
            "lti_deployment_id", "client_id", "lti_storage_target");

    @Inject
    @RestClient
    LtiClient progress;

    @Inject
    LtiSessions sessions;

    @Inject
    LtiToolConfig config;

    private final SecureRandom random = new SecureRandom();

    @GET
    @Path("/lti/login")
    @APIResponse(responseCode = "302", description = "To the platform's OIDC auth URL, with the state cookie set")
    @APIResponse(responseCode = "200", description = "Inside an LMS frame: a page offering a new window", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "A required field is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such registration", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "OIDC login initiation from an LTI 1.3 platform (query parameters iss, login_hint, target_link_uri, lti_message_hint, client_id, lti_deployment_id)")
    public Response loginByGet(@Context UriInfo uri, @HeaderParam("Sec-Fetch-Dest") String fetchDest) {
        return login(FormFields.first(uri.getQueryParameters()), fetchDest);
    }

    @POST
    @Path("/lti/login")
    @APIResponse(responseCode = "302", description = "To the platform's OIDC auth URL, with the state cookie set")
    @APIResponse(responseCode = "200", description = "Inside an LMS frame: a page offering a new window", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "A required field is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such registration", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The same login initiation, form posted")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = LoginForm.class)))
    public Response loginByPost(String body, @HeaderParam("Sec-Fetch-Dest") String fetchDest) {
        return login(FormFields.first(FormFields.parse(body)), fetchDest);
    }

    /** The login form's fields, for the API document. */
    @Schema(name = "LtiLoginForm")
    public record LoginForm(@NotBlank String iss, @NotBlank String login_hint, @NotBlank String target_link_uri,
                            String lti_message_hint, String lti_deployment_id, String client_id, String lti_storage_target) {
    }

    private Response login(Map<String, String> fields, String fetchDest) {
        for (String required : List.of("iss", "login_hint", "target_link_uri")) {
            String value = fields.get(required);
            if (value == null || value.isBlank()) {
                throw new ProblemException(400, "LTI login refused", required + ": the login initiation must carry " + required + ".");
            }
            if (value.length() > 2000) {
                throw new ProblemException(400, "LTI login refused", required + ": longer than 2000 characters.");
            }
        }
        JsonNode target = call(() -> progress.login(Map.of("issuer", fields.get("iss"),
                "clientId", fields.getOrDefault("client_id", ""))));
        String storageTarget = fields.get("lti_storage_target");
        boolean platformStorage = storageTarget != null && STORAGE_TARGET.matcher(storageTarget).matches();
        // With the platform's storage on offer the state also names its frame, for the launch page to ask it again.
        String state = platformStorage ? randomToken() + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(storageTarget.getBytes(StandardCharsets.UTF_8)) : randomToken();
        String nonce = randomToken();
        UriBuilder auth = UriBuilder.fromUri(target.get("authLoginUrl").asText())
                .queryParam("scope", "openid").queryParam("response_type", "id_token")
                .queryParam("response_mode", "form_post").queryParam("prompt", "none")
                .queryParam("client_id", target.get("clientId").asText())
                .queryParam("redirect_uri", config.publicUrl() + "/lti/launch")
                .queryParam("login_hint", fields.get("login_hint"))
                .queryParam("state", state).queryParam("nonce", nonce);
        if (fields.get("lti_message_hint") != null) {
            auth.queryParam("lti_message_hint", fields.get("lti_message_hint"));
        }
        URI authUrl = auth.build();
        NewCookie cookie = new NewCookie.Builder(STATE_COOKIE + state).value(nonce).path("/lti")
                .maxAge((int) config.loginTimeout().toSeconds()).httpOnly(true).secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.NONE).build();
        if (platformStorage) {
            // LTI Client Side postMessages: the nonce is also kept in the platform's frame, under this state, for a
            // browser that drops the cookie; the page goes on to the auth URL once the platform has stored it.
            return Response.ok(LtiPages.storeInPlatform(authUrl, newWindowLogin(fields), storageTarget, origin(authUrl),
                            STATE_COOKIE + state, nonce), MediaType.TEXT_HTML_TYPE)
                    .cookie(cookie).header("Content-Security-Policy", LtiPages.CSP_SCRIPT).build();
        }
        if ("iframe".equals(fetchDest)) {
            // Framed by the LMS: a browser blocking third-party cookies would drop the state cookie, so offer a new
            // window (a first-party context, where the login starts again) beside continuing here.
            return Response.ok(LtiPages.framedLogin(authUrl, newWindowLogin(fields)), MediaType.TEXT_HTML_TYPE)
                    .cookie(cookie).header("Content-Security-Policy", LtiPages.CSP).build();
        }
        return Response.status(302).location(authUrl).cookie(cookie).build();
    }

    @POST
    @Path("/lti/launch")
    @APIResponse(responseCode = "303", description = "Accepted: into the portal with a one-time session code")
    @APIResponse(responseCode = "200", description = "Accepted inside an LMS frame: a page opening the portal in a new window; or a deep-linking pick page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "401", description = "Refused: the detail names the failed check (a page for browsers)", content = {
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
            @Content(mediaType = MediaType.TEXT_HTML)})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The launch: the platform's form post of id_token and state; answers a redirect into the portal with an Upward session")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = LaunchForm.class)))
    public Response launch(String body, @Context HttpHeaders headers) {
        Map<String, String> form = FormFields.first(FormFields.parse(body));
        String state = form.get("state");
        String idToken = form.get("id_token");
        boolean html = wantsHtml(headers);
        if (idToken == null || idToken.isBlank()) {
            return refusal(400, "id_token: the launch carries no id_token.", html, null);
        }
        if (state == null || state.isBlank() || !state.matches("[A-Za-z0-9_-]{16,100}")) {
            return refusal(401, "state: the launch carries no state, or not one this tool made.", html, null);
        }
        var cookie = headers.getCookies().get(STATE_COOKIE + state);
        String expectedNonce = cookie == null ? null : cookie.getValue();
        String storageTarget = storageTarget(state);
        if (expectedNonce == null && storageTarget != null) {
            String stored = form.get("lti_storage_nonce");
            if (stored == null) {
                // No cookie came back, but the platform keeps the nonce: a page of ours reads it there and posts again.
                String platformOrigin;
                try {
                    platformOrigin = platformOrigin(idToken);
                } catch (SourceErrors.Refused e) {
                    return refusal(401, e.status() == 401 ? e.getMessage()
                            : "iss: the id_token names no platform registered with Upward.", html, null);
                } catch (RuntimeException e) {
                    return refusal(503, "The launch cannot be checked now; please launch again in a moment.", html, null);
                }
                return Response.ok(LtiPages.readFromPlatform(storageTarget, platformOrigin, STATE_COOKIE + state, idToken,
                        state), MediaType.TEXT_HTML_TYPE).header("Content-Security-Policy", LtiPages.CSP_SCRIPT).build();
            }
            if (!"same-origin".equals(headers.getHeaderString("Sec-Fetch-Site"))) {
                // Only our own page may say what the platform stored; another site's form must not.
                return refusal(401, "state: the nonce from the platform's storage came from another site, not from "
                        + "Upward's launch page.", html, null);
            }
            expectedNonce = stored;
        }
        if (expectedNonce == null) {
            return refusal(401, "state: this browser did not start this login (no state cookie: it expired, was "
                    + "started elsewhere, or the browser blocks cookies in the LMS's frame; open Upward in a new window).",
                    html, null);
        }
        NewCookie spent = new NewCookie.Builder(STATE_COOKIE + state).value("").path("/lti").maxAge(0).httpOnly(true)
                .secure(config.secureCookie()).sameSite(NewCookie.SameSite.NONE).build();
        JsonNode launch;
        try {
            launch = progress.launch(Map.of("idToken", idToken, "expectedNonce", expectedNonce));
        } catch (SourceErrors.Refused e) {
            return refusal(e.status(), e.getMessage(), html, spent);
        } catch (RuntimeException e) {
            return refusal(503, "The launch cannot be checked now; please launch again in a moment.", html, spent);
        }
        if (launch.hasNonNull("deepLinking")) {
            // An instructor choosing content for the LMS: a pick page, no Upward session.
            return Response.ok(LtiPages.deepLinkingPick(launch.get("deepLinking").get("context").asText(),
                            launch.get("target").get("courseId").asText()), MediaType.TEXT_HTML_TYPE)
                    .header("Content-Security-Policy", LtiPages.CSP_FORMS).cookie(spent).build();
        }
        Set<String> roles = new LinkedHashSet<>();
        launch.get("roles").forEach(role -> roles.add(role.asText()));
        URI portal = sessions.start(new LtiSessions.Launched(launch.get("learnerId").asText(), launch.get("orgId").asText(),
                launch.hasNonNull("name") ? launch.get("name").asText() : null, roles, landing(launch, roles)));
        if ("iframe".equals(headers.getHeaderString("Sec-Fetch-Dest"))) {
            // The portal never runs inside another site's frame (frame-ancestors 'none', and its session cookie is
            // SameSite=Strict): the checked launch opens it in a new window, where the one-time code is taken up.
            return Response.ok(LtiPages.launchedInFrame(portal), MediaType.TEXT_HTML_TYPE)
                    .header("Content-Security-Policy", LtiPages.CSP).cookie(spent).build();
        }
        return Response.seeOther(portal).cookie(spent).build();
    }

    @POST
    @Path("/lti/deep-linking")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Deep linking: the instructor's pick (context, kind, courseId, targetId) → a page that posts the signed LtiDeepLinkingResponse back to the LMS")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = PickForm.class)))
    @APIResponse(responseCode = "200", description = "The page returning to the LMS", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "A malformed pick", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "The deep-linking request is not ours or expired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deepLink(String body) {
        Map<String, String> form = FormFields.first(FormFields.parse(body));
        String kind = form.getOrDefault("kind", "COURSE");
        String courseId = form.get("courseId");
        String targetId = "COURSE".equals(kind) ? courseId : form.get("targetId");
        if (form.get("context") == null || courseId == null || targetId == null || targetId.isBlank()) {
            throw new ProblemException(400, "Bad request", "context, courseId and (for a lesson or quiz) targetId are required.");
        }
        JsonNode answer = call(() -> progress.deepLinkingResponse(Map.of("context", form.get("context"),
                "picks", List.of(Map.of("kind", kind, "courseId", courseId, "targetId", targetId.strip())))));
        return Response.ok(LtiPages.returnToPlatform(answer.get("returnUrl").asText(), answer.get("jwt").asText()),
                MediaType.TEXT_HTML_TYPE).header("Content-Security-Policy", LtiPages.CSP_FORMS).build();
    }

    /** The pick form's fields, for the API document. */
    @Schema(name = "LtiDeepLinkingPick")
    public record PickForm(@NotBlank String context, String kind, @NotBlank String courseId, String targetId) {
    }

    /** The launch form's fields, for the API document. */
    @Schema(name = "LtiLaunchForm")
    public record LaunchForm(@NotBlank String id_token, @NotBlank String state, String lti_storage_nonce) {
    }

    @GET
    @Path("/lti/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tool's public keys (JWKS): platforms check Upward's client assertions and deep-linking responses with them")
    @APIResponse(responseCode = "200", description = "The JWKS", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Jwks.class)))
    public JsonNode jwks() {
        return call(() -> progress.jwks());
    }

    /** The portal route the launch opens; staff land on the reports. */
    private static String landing(JsonNode launch, Set<String> roles) {
        if (!roles.contains("learner")) {
            return "/admin";
        }
        JsonNode target = launch.get("target");
        String course = target.get("courseId").asText();
        return switch (target.get("kind").asText()) {
            case "LESSON" -> "/courses/" + course + "/lessons/" + target.get("targetId").asText();
            case "QUIZ" -> "/quizzes/" + target.get("targetId").asText();
            default -> "/courses/" + course;
        };
    }

    /** The platform's storage frame a state names (see login), or null for a state of a cookie-only login. */
    private static String storageTarget(String state) {
        if (state.length() <= RANDOM_TOKEN_LENGTH) {
            return null;
        }
        try {
            String target = new String(Base64.getUrlDecoder().decode(state.substring(RANDOM_TOKEN_LENGTH)), StandardCharsets.UTF_8);
            return STORAGE_TARGET.matcher(target).matches() ? target : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The origin of the platform's OIDC auth URL, the only origin whose storage answers are taken: the registration
     * named by the id_token's (not yet verified) iss and aud, which progress-service then checks in full.
     */
    private String platformOrigin(String idToken) {
        JwtClaims claims;
        try {
            claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators()
                    .setDisableRequireSignature().build().processToClaims(idToken);
        } catch (InvalidJwtException e) {
            throw new SourceErrors.Refused(401, "id_token: not a JWT.");
        }
        String issuer = claims.getClaimValueAsString("iss");
        Object audience = claims.getClaimValue("aud");
        Object azp = claims.getClaimValue("azp");
        String clientId = azp instanceof String party ? party
                : audience instanceof String single ? single
                : audience instanceof List<?> many && many.size() == 1 ? String.valueOf(many.get(0)) : "";
        if (issuer == null) {
            throw new SourceErrors.Refused(401, "iss: the id_token has no issuer.");
        }
        return origin(URI.create(progress.login(Map.of("issuer", issuer, "clientId", clientId)).get("authLoginUrl").asText()));
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    private static URI newWindowLogin(Map<String, String> fields) {
        UriBuilder again = UriBuilder.fromPath("/lti/login");
        for (String name : LOGIN_FIELDS) {
            // A new window is a first-party context: the cookie does there, the LMS's frame storage is not at hand.
            if (fields.get(name) != null && !"lti_storage_target".equals(name)) {
                again.queryParam(name, fields.get(name));
            }
        }
        return again.build();
    }

    private Response refusal(int status, String detail, boolean html, NewCookie spent) {
        Response.ResponseBuilder answer = html
                ? Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(LtiPages.refused(detail))
                        .header("Content-Security-Policy", LtiPages.CSP)
                : Response.fromResponse(Problem.of(status, "LTI launch refused", detail).withInstance("/lti/launch").toResponse());
        if (spent != null) {
            answer.cookie(spent);
        }
        return answer.build();
    }

    private static boolean wantsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !type.isWildcardType());
    }

    /** The JWKS's shape, for the API document. */
    @Schema(name = "ToolJwks")
    public record Jwks(List<Map<String, String>> keys) {
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SourceErrors.Refused e) {
            throw new ProblemException(e.status(), e.status() == 404 ? "Not found" : "LTI request refused", e.getMessage());
        } catch (RuntimeException e) {
            throw new ProblemException(503, "Service unavailable", "The LTI registrations cannot be read now; try again in a moment.");
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
