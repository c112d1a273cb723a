package com.upward.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/**
 * progress-service's LTI tool endpoints, which hold the registrations, the nonces and the tool key. The launch
 * carries its own credential (the platform-signed id_token), so these calls carry no Upward token.
 */
@RegisterRestClient(configKey = "lti")
@RegisterProvider(SourceErrors.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface LtiClient {

    /** {issuer, clientId} → {authLoginUrl, clientId}. */
    @POST
    @Path("/internal/lti/logins")
    JsonNode login(Map<String, String> request);

    /** {idToken, expectedNonce} → the checked launch: learnerId, orgId, name, roles, messageType, target, ... */
    @POST
    @Path("/internal/lti/launches")
    JsonNode launch(Map<String, String> request);

    /** {context, picks:[{kind, courseId, targetId}]} → {returnUrl, jwt}: the signed LtiDeepLinkingResponse. */
    @POST
    @Path("/internal/lti/deep-linking-responses")
    JsonNode deepLinkingResponse(Map<String, Object> request);

    @GET
    @Path("/lti/jwks")
    JsonNode jwks();
}
