package com.upward.progress.rest;

import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.domain.LtiTarget;
import com.upward.progress.config.LtiConfig;
import com.upward.progress.service.LtiDeepLinking;
import com.upward.progress.service.LtiLaunches;
import com.upward.progress.service.LtiLogins;
import com.upward.progress.service.ToolKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tool side of LTI 1.3 that needs the registrations, the nonces and the tool key. The gateway is the public
 * face (/lti/login, /lti/launch, /lti/jwks) and calls these; the launch endpoint's credential is the id_token
 * itself, signed by a registered platform, so it needs no Upward token.
 */
@Path("/")
@PermitAll
@SecurityRequirements
@Produces(MediaType.APPLICATION_JSON)
public class LtiToolResource {

    public record LoginRequest(@NotBlank @Size(max = 500) String issuer, @Size(max = 255) String clientId) {
    }

    /** Where the browser goes next, and the client id to name there. */
    public record LoginTarget(String authLoginUrl, String clientId) {
    }

    public record LaunchRequest(@NotBlank @Size(max = 65536) String idToken, @NotBlank @Size(max = 255) String expectedNonce) {
    }

    public record Target(String kind, String courseId, String targetId) {
    }

    /** context: the request's settings sealed by the tool key, handed back with the pick. */
    public record DeepLinking(String returnUrl, List<String> acceptTypes, String context) {
    }

    public record Pick(@NotNull @Pattern(regexp = "COURSE|LESSON|QUIZ") String kind,
                       @NotNull @Pattern(regexp = "[a-z0-9-]{1,80}") String courseId,
                       @NotNull @Pattern(regexp = "[a-z0-9-]{1,80}") String targetId) {
    }

    public record DeepLinkingRequest(@NotBlank @Size(max = 8192) String context,
                                     @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Pick> picks) {
    }

    public record DeepLinkingResponse(String returnUrl, String jwt) {
    }

    public record LaunchResult(String learnerId, String orgId, String name, List<String> roles, String messageType,
                               Target target, UUID platformId, String deploymentId, DeepLinking deepLinking) {
    }

    @Inject
    ToolKeys keys;

    @Inject
    LtiLogins logins;

    @Inject
    LtiLaunches launches;

    @Inject
    LtiDeepLinking deepLinking;

    @Inject
    LtiConfig config;

    @GET
    @Path("/lti/jwks")
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    @POST
    @Path("/internal/lti/logins")
    @Consumes(MediaType.APPLICATION_JSON)
    public LoginTarget login(@Valid @NotNull LoginRequest request) {
        LtiPlatform platform = logins.platform(request.issuer(), request.clientId());
        return new LoginTarget(platform.authLoginUrl(), platform.clientId());
    }

    @POST
    @Path("/internal/lti/launches")
    @Consumes(MediaType.APPLICATION_JSON)
    public LaunchResult launch(@Valid @NotNull LaunchRequest request) {
        LtiLaunches.Launch launch = launches.launch(request.idToken(), request.expectedNonce());
        LtiTarget target = launch.target();
        LtiLaunches.DeepLinking dl = launch.deepLinking();
        return new LaunchResult(launch.learnerId(), launch.orgId(), launch.name(), launch.roles(), launch.messageType(),
                new Target(target.kind().name(), target.courseId(), target.targetId()), launch.platformId(),
                launch.deploymentId(), dl == null ? null : new DeepLinking(dl.returnUrl(), dl.acceptTypes(),
                deepLinking.context(launch.platformId(), launch.deploymentId(), dl)));
    }

    @POST
    @Path("/internal/lti/deep-linking-responses")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeepLinkingResponse deepLinkingResponse(@Valid @NotNull DeepLinkingRequest request) {
        List<LtiTarget> picks = request.picks().stream()
                .map(p -> new LtiTarget(LtiTarget.Kind.valueOf(p.kind()), p.courseId(), p.targetId())).toList();
        LtiDeepLinking.Response response = deepLinking.respond(request.context(), picks, config.toolUrl());
        return new DeepLinkingResponse(response.returnUrl(), response.jwt());
    }
}
