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
        filters.register(context -> {
            add(context);
            context.next();
        }, 500);
    }

    /** Adds the headers to this request's answer when it is written; the fast path calls it directly. */
    public void add(RoutingContext context) {
        boolean api = context.request().path().startsWith("/api/");
        boolean https = context.request().isSSL() || "https".equalsIgnoreCase(context.request().scheme());
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            addIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            addIfAbsent(headers, "X-Frame-Options", "DENY");
            addIfAbsent(headers, "Referrer-Policy", "no-referrer");
            addIfAbsent(headers, "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
            if (https) {
                addIfAbsent(headers, "Strict-Transport-Security", "max-age=" + config.hstsMaxAge().toSeconds() + "; includeSubDomains");
            }
            if (api) {
                // A service that chose a caching policy (no-cache + ETag) keeps it; the rest is never stored.
                addIfAbsent(headers, "Cache-Control", "no-store");
            }
        });
    }

    private static void addIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
