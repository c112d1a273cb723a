package com.upward.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The progress-service, called with the learner's own token (quarkus.rest-client.progress.url). */
@RegisterRestClient(configKey = "progress")
@RegisterProvider(SourceErrors.class)
@RegisterClientHeaders
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ProgressClient {

    /** The learner's progress in every course, a JSON array. */
    @GET
    @Path("/me/progress")
    JsonNode progress(@HeaderParam("Authorization") String bearer);
}
