package com.upward.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Sorts a service's error answers: a 4xx is the service refusing this caller (relayed as such, never a
 * fallback), a 5xx means the service is not well (the dashboard marks that part unavailable).
 */
public class SourceErrors implements ResponseExceptionMapper<RuntimeException> {

    /** A service said no to this request (404, 403 ...): the caller gets the same answer. */
    public static class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A service failed (5xx): counted by the circuit breaker, answered by the fallback. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(int status) {
            super("The service answered " + status + ".");
        }
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new Unavailable(status);
        }
        return new Refused(status, detail(response));
    }

    private static String detail(Response response) {
        try {
            JsonNode problem = response.readEntity(JsonNode.class);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (RuntimeException e) {
            // Not a problem+json body: fall through to a generic detail.
        }
        return "The request was refused.";
    }
}
