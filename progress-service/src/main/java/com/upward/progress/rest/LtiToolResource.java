package com.upward.progress.rest;

import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.domain.LtiTarget;
import com.upward.progress.service.LtiLaunches;
import com.upward.progress.service.LtiLogins;
import com.upward.progress.service.ToolKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

    public record DeepLinking(String returnUrl, String data, List<String> acceptTypes) {
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
                launch.deploymentId(), dl == null ? null : new DeepLinking(dl.returnUrl(), dl.data(), dl.acceptTypes()));
    }
}
