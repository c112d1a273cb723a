package com.upward.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The two security refusals, worded once for the REST layer and the HTTP layer alike. */
public final class SecurityProblems {

    public static final String UNAUTHORIZED_DETAIL =
            "A valid bearer token is required: sign in at POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'.";
    public static final String FORBIDDEN_DETAIL = "Your role does not allow this request.";

    public static Problem unauthorizedProblem(String path) {
        return Problem.of(401, "Unauthorized", UNAUTHORIZED_DETAIL).withInstance(path);
    }

    public static Problem forbiddenProblem(String path) {
        return Problem.of(403, "Forbidden", FORBIDDEN_DETAIL).withInstance(path);
    }

    static Response unauthorized(String path) {
        return Response.fromResponse(unauthorizedProblem(path).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response forbidden(String path) {
        return forbiddenProblem(path).toResponse();
    }

    private SecurityProblems() {
    }
}
