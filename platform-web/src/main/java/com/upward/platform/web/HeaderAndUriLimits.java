package com.upward.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Refuses a target that is not a URI (400), too long a URI (414) and too large headers (431) with problem+json. Vert.x answers requests past its
 * own decoder limits with an empty body before any route runs, so those limits are set higher
 * (quarkus.http.limits.max-initial-line-length, max-header-size) and the limits the API means are enforced here.
 * Only requests past the decoder limits themselves still get Vert.x's bare answer.
 */
@ApplicationScoped
public class HeaderAndUriLimits {

    @ConfigProperty(name = "upward.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @ConfigProperty(name = "upward.http.max-header-bytes", defaultValue = "16384")
    int maxHeaderBytes;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (!refused(context)) {
                context.next();
            }
        }, BodySizeLimit.PRIORITY + 10);
    }

    /** Answers a request past a limit with its problem and says so; the gateway's fast path calls it directly. */
    public boolean refused(RoutingContext context) {
        String uri = context.request().uri();
        // Quarkus' own check answers such a target with an empty 400 before any route; every JVM of Upward turns
        // it off (-Dvertx.disableURIValidation=true) so that it is refused here, as problem+json.
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            refuse(context, Problem.of(400, "Bad request target", "The request target is not a valid URI ("
                    + e.getReason() + " at index " + e.getIndex() + "): write '%' as %25 and escape reserved characters."));
            return true;
        }
        if (uri.length() > maxUriLength) {
            refuse(context, Problem.of(414, "URI too long", "The request URI is " + uri.length()
                    + " characters; this API accepts at most " + maxUriLength + ". Shorten the query."));
            return true;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            refuse(context, Problem.of(431, "Request header fields too large", "The request headers are " + headerBytes
                    + " bytes; this API accepts at most " + maxHeaderBytes + " (a bearer token is far smaller)."));
            return true;
        }
        return false;
    }

    /** Whether a request target parses as a URI; one that does not is refused by {@link #refused}. */
    public static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext context, Problem problem) {
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(JsonObject.mapFrom(problem.withInstance(context.request().path())).encode());
    }
}
