package com.upward.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Errors raised below the REST layer (token checks, body limits, the gateway's proxy) never reach the
 * exception mappers; this answers them as problem+json too, so every error has the same shape.
 */
@ApplicationScoped
public class HttpFailureHandler {

    private static final Logger LOG = Logger.getLogger(HttpFailureHandler.class);

    @Inject
    ObjectMapper mapper;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        String path = context.request().path();
        Problem problem;
        if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException
                || failure instanceof UnauthorizedException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            problem = SecurityProblems.unauthorizedProblem(path);
        } else if (failure instanceof ForbiddenException) {
            problem = SecurityProblems.forbiddenProblem(path);
        } else if (context.statusCode() == 413) {
            problem = Problem.of(413, "Payload too large", "The request body is larger than this API accepts.").withInstance(path);
        } else if (context.statusCode() >= 400 && context.statusCode() < 500) {
            problem = Problem.of(context.statusCode(), "Request refused", "The request was refused.").withInstance(path);
        } else {
            LOG.errorf(failure, "Unhandled failure on %s", path);
            problem = Problem.of(500, "Internal error", "Something went wrong on our side.").withInstance(path);
        }
        write(context, problem);
    }

    private void write(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(problem.status()).end();
        }
    }
}
