package com.upward.gateway.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.upward.gateway.config.IdentityConfig;
import com.upward.gateway.identity.ClientDirectory;
import com.upward.gateway.identity.TokenIssuer;
import com.upward.gateway.identity.UserDirectory;
import com.upward.platform.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Signing in with the local issuer: people with username and password, integration clients with client credentials. */
@Path("/api/v1/auth")
@Tag(name = "Sign-in")
@SecurityRequirements
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final List<String> FORM_FIELDS = List.of("client_id", "client_secret", "grant_type", "password", "username");

    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn) {
    }

    @Inject
    UserDirectory users;

    @Inject
    ClientDirectory clients;

    @Inject
    TokenIssuer issuer;

    @Inject
    IdentityConfig config;

    @Inject
    Validator validator;

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A token: grant_type password (username, password; demo users locally) or client_credentials (client_id, client_secret; integration clients)")
    public TokenResponse token(@Valid @NotNull TokenRequest request) {
        if (!config.localIssuer()) {
            throw ProblemException.notFound("Sign in with your organisation's identity provider; this gateway issues no tokens.");
        }
        if (TokenRequest.CLIENT_CREDENTIALS.equals(request.grant())) {
            return clients.authenticate(request.clientId(), request.clientSecret())
                    .map(client -> new TokenResponse(issuer.issue(client), "Bearer", issuer.lifetimeSeconds()))
                    .orElseThrow(() -> new ProblemException(401, "Sign-in failed", "The client id or secret is wrong."));
        }
        return users.authenticate(request.username(), request.password())
                .map(account -> new TokenResponse(issuer.issue(account), "Bearer", issuer.lifetimeSeconds()))
                .orElseThrow(() -> new ProblemException(401, "Sign-in failed", "The username or password is wrong."));
    }

    /** The OAuth 2 form encoding of the same request, as LMS clients send it; unknown fields are refused too. */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The same, OAuth 2 form encoded")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = TokenRequest.class)))
    public TokenResponse tokenFromForm(String body) {
        Map<String, List<String>> form = FormFields.parse(body);
        for (var field : form.entrySet()) {
            if (!FORM_FIELDS.contains(field.getKey())) {
                throw new ProblemException(400, "Malformed request body",
                        "Unknown field '" + field.getKey() + "'. Allowed fields: " + String.join(", ", FORM_FIELDS) + ".");
            }
            if (field.getValue().size() > 1) {
                throw new ProblemException(400, "Malformed request body", "Field '" + field.getKey() + "' is given more than once.");
            }
        }
        TokenRequest request = new TokenRequest(first(form, "grant_type"), first(form, "username"),
                first(form, "password"), first(form, "client_id"), first(form, "client_secret"));
        Set<ConstraintViolation<TokenRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return token(request);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null ? null : values.get(0);
    }
}
