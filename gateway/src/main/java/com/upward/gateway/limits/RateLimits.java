package com.upward.gateway.limits;

import com.upward.gateway.config.LimitsConfig;
import com.upward.platform.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;

/**
 * Rate limits at the edge: per client address before the token is even read (and stricter on sign-in), and
 * per token subject once it is known. A refusal is a 429 problem+json with Retry-After. Behind a load
 * balancer, set quarkus.http.proxy.* so the client address is the caller's, not the balancer's.
 */
@ApplicationScoped
public class RateLimits {

    public static final String SIGN_IN_PATH = "/api/v1/auth/token";
    public static final String SESSION_PATH = "/api/v1/auth/session";

    @Inject
    LimitsConfig config;

    private final RateLimiter limiter = new RateLimiter(System::nanoTime);

    void register(@Observes Filters filters) {
        // After CORS (so preflights are not counted twice) and before authentication.
        filters.register(context -> {
            if (!refusedForAddress(context)) {
                context.next();
            }
        }, SecurityHandlerPriorities.AUTHENTICATION + 10);
        // After authentication has named the caller, before the role checks.
        filters.register(context -> {
            String subject = subject(context);
            if (subject == null || !refusedForUser(context, subject)) {
                context.next();
            }
        }, SecurityHandlerPriorities.FORM_AUTHENTICATION - 10);
    }

    /** Counts the request against its address (and sign-in's stricter limit); answers 429 and says so when over. */
    public boolean refusedForAddress(RoutingContext context) {
        if (exempt(context)) {
            return false;
        }
        String address = address(context);
        if (signIn(context)
                && refused(context, "sign-in:" + address, config.signInRequests(), config.signInWindow(),
                "Too many sign-in attempts from your address.")) {
            return true;
        }
        return refused(context, "address:" + address, config.perIpRequests(), config.perIpWindow(),
                "Too many requests from your address.");
    }

    /** A password or client check: a token, or a browser session opened. */
    private static boolean signIn(RoutingContext context) {
        String path = context.request().path();
        return SIGN_IN_PATH.equals(path) || SESSION_PATH.equals(path) && context.request().method() == HttpMethod.POST;
    }

    /** Counts the request against the token's subject; answers 429 and says so when over. */
    public boolean refusedForUser(RoutingContext context, String subject) {
        return !exempt(context) && refused(context, "user:" + subject, config.perUserRequests(), config.perUserWindow(),
                "Too many requests for your account.");
    }

    private boolean refused(RoutingContext context, String key, int limit, Duration window, String reason) {
        long retryAfter = limiter.acquire(key, limit, window);
        if (retryAfter == 0) {
            return false;
        }
        context.response().putHeader("Retry-After", Long.toString(retryAfter));
        EdgeResponses.problem(context, Problem.of(429, "Too many requests",
                reason + " Try again in " + retryAfter + (retryAfter == 1 ? " second." : " seconds.")));
        return true;
    }

    /** Health and metrics probes come from the platform, not from callers. */
    private static boolean exempt(RoutingContext context) {
        return context.request().path().startsWith("/q/");
    }

    private static String address(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    private static String subject(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
                return token.getSubject();
            }
        }
        return null;
    }
}
