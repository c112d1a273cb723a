package com.upward.gateway.routing;

import com.upward.gateway.limits.RateLimits;
import com.upward.gateway.limits.SecurityHeaders;
import com.upward.platform.web.BodySizeLimit;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.HeaderAndUriLimits;
import com.upward.platform.web.RequestCorrelation;
import com.upward.platform.web.VerifiedTokens;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The edge's checks for a proxied request whose bearer token this gateway has verified before, run in one
 * handler ahead of Quarkus' filter chain and HTTP security layer. Those layers cost a proxied request more CPU
 * than the proxying itself (gateway README, benchmark), and for a known token they only repeat work already
 * done. The checks are the filters' own code, in the filters' order; every other request (no token, an
 * unknown or expired one, a cross-origin call) takes the full chain, so both ways give the same answers.
 */
@ApplicationScoped
public class KnownTokenPath {

    private static final String BEARER = "Bearer ";

    @Inject
    VerifiedTokens tokens;

    @Inject
    SecurityHeaders securityHeaders;

    @Inject
    HeaderAndUriLimits headerAndUriLimits;

    @Inject
    BodySizeLimit bodySizeLimit;

    @Inject
    RequestCorrelation correlation;

    @Inject
    RateLimits rateLimits;

    /** The caller's token when this path can take the request, or null: then it goes through the full chain. */
    JsonWebToken knownToken(RoutingContext context) {
        HttpServerRequest request = context.request();
        // Cross-origin calls and preflights are Quarkus' CORS filter's to answer.
        if (request.headers().contains(HttpHeaders.ORIGIN)) {
            return null;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return null;
        }
        JsonWebToken token = tokens.remembered(authorization.substring(BEARER.length()));
        // A token without a usable subject is refused by the full chain's mechanism, with its 401.
        return token != null && CurrentUser.usable(token.getSubject()) ? token : null;
    }

    /** Runs what the filter chain would, in its order; false when one of them has answered the request. */
    boolean admit(RoutingContext context, JsonWebToken token) {
        securityHeaders.add(context);
        if (headerAndUriLimits.refused(context) || bodySizeLimit.refused(context)) {
            return false;
        }
        correlation.correlate(context);
        return !rateLimits.refusedForAddress(context) && !rateLimits.refusedForUser(context, token.getSubject());
    }
}
