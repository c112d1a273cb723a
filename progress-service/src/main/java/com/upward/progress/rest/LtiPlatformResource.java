package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.service.LtiPlatforms;
import com.upward.progress.service.LtiRosters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** LTI 1.3 platform registrations of the admin's organisation (the organisation is the token's). */
@Path("/api/v1/admin/lti/platforms")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LtiPlatformResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    public record PlatformRequest(
            @NotBlank @Size(max = 500) String issuer,
            @NotBlank @Size(max = 255) String clientId,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 255) String> deploymentIds,
            @NotBlank @Size(max = 2000) String authLoginUrl,
            @NotBlank @Size(max = 2000) String authTokenUrl,
            @NotBlank @Size(max = 2000) String jwksUrl) {

        LtiPlatforms.Registration registration() {
            return new LtiPlatforms.Registration(issuer.strip(), clientId.strip(), deploymentIds, authLoginUrl.strip(),
                    authTokenUrl.strip(), jwksUrl.strip());
        }
    }

    public record Platform(UUID id, String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
                           String authTokenUrl, String jwksUrl, Instant createdAt, Instant updatedAt) {

        static Platform of(LtiPlatform p) {
            return new Platform(p.id(), p.issuer(), p.clientId(), p.deploymentIds(), p.authLoginUrl(), p.authTokenUrl(),
                    p.jwksUrl(), p.createdAt(), p.updatedAt());
        }
    }

    @Inject
    LtiPlatforms platforms;

    @Inject
    LtiRosters rosters;

    @Inject
    CurrentUser user;

    @POST
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Platform.class)))
    public Response register(@Valid @NotNull PlatformRequest request) {
        Platform platform = Platform.of(platforms.register(user.orgId(), request.registration()));
        return Response.created(URI.create("/api/v1/admin/lti/platforms/" + platform.id())).entity(platform).build();
    }

    @GET
    public List<Platform> list() {
        return platforms.list(user.orgId()).stream().map(Platform::of).toList();
    }

    @GET
    @Path("/{platformId}")
    public Platform get(@PathParam("platformId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String platformId) {
        return Platform.of(platforms.get(user.orgId(), UUID.fromString(platformId)));
    }

    @PUT
    @Path("/{platformId}")
    public Platform update(@PathParam("platformId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String platformId, @Valid @NotNull PlatformRequest request) {
        return Platform.of(platforms.update(user.orgId(), UUID.fromString(platformId), request.registration()));
    }

    @GET
    @Path("/{platformId}/roster")
    public LtiRosters.Roster roster(@PathParam("platformId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String platformId,
                                    @QueryParam("contextId") @Size(max = 255) String contextId) {
        return rosters.roster(user.orgId(), UUID.fromString(platformId), contextId);
    }

    @DELETE
    @Path("/{platformId}")
    @APIResponse(responseCode = "204", description = "Deleted, with its deployments, resource links and unsent scores")
    public void delete(@PathParam("platformId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String platformId) {
        platforms.delete(user.orgId(), UUID.fromString(platformId));
    }
}
