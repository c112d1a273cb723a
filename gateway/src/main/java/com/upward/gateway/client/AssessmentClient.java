package com.upward.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The assessment-service, called with the learner's own token (quarkus.rest-client.assessment.url). */
@RegisterRestClient(configKey = "assessment")
@RegisterProvider(SourceErrors.class)
@RegisterClientHeaders
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AssessmentClient {

    @GET
    @Path("/quizzes/{quizId}")
    JsonNode quiz(@HeaderParam("Authorization") String bearer, @PathParam("quizId") String quizId);
}
