package com.upward.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Refuses a body announced larger than quarkus.http.limits.max-body-size with a 413 problem+json, before
 * Quarkus's own check would answer it with an empty body. Bodies without a length are still cut off by
 * Quarkus at the same size, and {@link HttpFailureHandler} answers those.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Before Quarkus's upload limit route and every security filter. */
    public static final int PRIORITY = 450;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (!refused(context)) {
                context.next();
            }
        }, PRIORITY);
    }

    /** Answers a body announced too large with a 413 and says so; the gateway's fast path calls it directly. */
    public boolean refused(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (maxBodySize.isPresent() && length != null && length.matches("\\d{1,18}")
                && Long.parseLong(length) > maxBodySize.get().asLongValue()) {
            Problem problem = Problem.of(413, "Payload too large",
                    "The request body is larger than this API accepts (" + maxBodySize.get().asLongValue() / 1024 + " KB).")
                    .withInstance(context.request().path());
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(JsonObject.mapFrom(problem).encode());
            return true;
        }
        return false;
    }
}
