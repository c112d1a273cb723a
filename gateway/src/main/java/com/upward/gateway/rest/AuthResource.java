package com.upward.gateway.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.upward.gateway.identity.TokenIssuer;
import com.upward.gateway.identity.UserDirectory;
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

/** Signing in with the local issuer. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record TokenRequest(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password) {
    }

    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn) {
    }

    @Inject
    UserDirectory users;

    @Inject
    TokenIssuer issuer;

    @POST
    @Path("/token")
    public TokenResponse token(@Valid @NotNull TokenRequest request) {
        return users.authenticate(request.username(), request.password())
                .map(account -> new TokenResponse(issuer.issue(account), "Bearer", issuer.lifetimeSeconds()))
                .orElseThrow(() -> new ProblemException(401, "Sign-in failed", "The username or password is wrong."));
    }
}
