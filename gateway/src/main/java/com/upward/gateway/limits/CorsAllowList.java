package com.upward.gateway.limits;

import com.upward.platform.web.Problem;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guards the CORS allow-list (quarkus.http.cors.origins): the gateway refuses to start with '*', and a
 * request from an origin not on the list gets a 403 problem+json here, where Quarkus's CORS filter would
 * answer an empty 403. The LTI login and launch are form posts from an LMS's site and pass.
 */
@ApplicationScoped
public class CorsAllowList {

    /** The LTI tool's browser endpoints that an LMS's pages post to (gateway README, "LTI 1.3"). */
    private static final Set<String> LTI_FORM_POSTS = Set.of("/lti/login", "/lti/launch");

    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> origins;

    void refuseWildcard(@Observes StartupEvent ignored) {
        if (origins.orElse(List.of()).stream().anyMatch(origin -> origin.contains("*"))) {
            throw new IllegalStateException("quarkus.http.cors.origins must list the allowed origins, never '*'.");
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.CORS + 10);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (LTI_FORM_POSTS.contains(request.path())) {
            // An LMS sends its users' browsers here from its own site by design (an LTI login initiation and launch
            // are form posts): navigations, which CORS does not govern, each checked by its state and id_token.
            // Quarkus' CORS filter, next, would refuse the LMS's Origin with an empty 403.
            request.headers().remove("Origin");
            context.next();
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origins.orElse(List.of()).contains(origin)
                || origin.equalsIgnoreCase(request.scheme() + "://" + request.host())) {
            context.next();
            return;
        }
        EdgeResponses.problem(context, Problem.of(403, "Origin not allowed",
                "Cross-origin requests from " + origin + " are not allowed."));
    }
}
