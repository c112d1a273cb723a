package com.upward.assessment.rest;

import com.upward.assessment.service.TooEarlyException;
import com.upward.platform.web.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one refusal that needs a header: how long to wait before the next attempt. */
public class AssessmentProblems {

    @ServerExceptionMapper
    public Response tooEarly(TooEarlyException e, UriInfo uri) {
        return Response.fromResponse(Problem.of(429, e.title(), e.getMessage()).withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
