package com.upward.gateway.limits;

import com.upward.gateway.config.LimitsConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The usual security headers on every answer of the gateway, its own and the services' alike: set when the
 * headers are written, so a proxied answer gets them too. API answers are never cached.
 */
@ApplicationScoped
public class SecurityHeaders {

    @Inject
    LimitsConfig config;

    void register(@Observes Filters filters) {
        filters.register(this::add, 500);
    }

    void add(RoutingContext context) {
        boolean api = context.request().path().startsWith("/api/");
        boolean https = context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme());
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", "frame-ancestors 'none'");
            }
            if (https) {
                headers.set("Strict-Transport-Security", "max-age=" + config.hstsMaxAge().toSeconds() + "; includeSubDomains");
            }
            if (api) {
                headers.set("Cache-Control", "no-store");
            }
        });
        context.next();
    }
}
