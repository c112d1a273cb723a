package com.upward.gateway.identity;

import com.upward.gateway.config.IdentityConfig;
import com.upward.gateway.limits.EdgeResponses;
import com.upward.gateway.limits.SecurityHeaders;
import com.upward.platform.web.Problem;
import com.upward.platform.web.RequestCorrelation;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a browser's session cookie into the bearer token the rest of the gateway and the services already check:
 * ahead of everything else (the known-token path included), a request to the API that carries no Authorization
 * header but names a live session gets {@code Authorization: Bearer <the session's token>}, and the cookie is
 * taken off what the services see. From there on it is a bearer request like any other: the same token checks,
 * rate limits per address and per user, and role per route. A request with its own Authorization header is left
 * exactly as it came. A write (any method but GET, HEAD, OPTIONS) made with a session must carry the session's
 * CSRF token in {@value #CSRF_HEADER}; see the gateway README, "Browser sessions", for why.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Ahead of the known-token path (Integer.MIN_VALUE + 10), after the request's start time is recorded. */
    private static final int ORDER = Integer.MIN_VALUE + 5;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** The session endpoints read the cookie themselves. */
    private static final String SESSION_PATHS = "/api/v1/auth/";

    @Inject
    SessionStore sessions;

    @Inject
    IdentityConfig config;

    @Inject
    SecurityHeaders securityHeaders;

    @Inject
    RequestCorrelation correlation;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::attach);
    }

    void attach(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (!path.startsWith("/api/") || path.startsWith(SESSION_PATHS) || request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            context.next();
            return;
        }
        Cookie cookie = request.getCookie(config.session().cookieName());
        if (cookie == null) {
            context.next();
            return;
        }
        withoutSessionCookie(request);
        // An ended session attaches nothing: the request then gets the same 401 as one without a token.
        Optional<BrowserSession> session = sessions.active(cookie.getValue());
        if (session.isEmpty()) {
            context.next();
            return;
        }
        if (!SAFE.contains(request.method()) && !SessionStore.csrfMatches(session.get(), request.getHeader(CSRF_HEADER))) {
            securityHeaders.add(context);
            correlation.correlate(context);
            EdgeResponses.problem(context, Problem.of(403, "Forbidden",
                    "This change came without the session's " + CSRF_HEADER + " header, so it may not come from the Upward portal."
                            + " Reload the page and try again."));
            return;
        }
        request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + session.get().token());
        context.next();
    }

    /** The services never see the session cookie; any other cookie passes on as it came. */
    private void withoutSessionCookie(HttpServerRequest request) {
        String name = config.session().cookieName();
        String kept = request.headers().getAll(HttpHeaders.COOKIE).stream()
                .flatMap(header -> Arrays.stream(header.split(";")))
                .map(String::trim)
                .filter(pair -> !pair.isEmpty() && !pair.startsWith(name + "="))
                .collect(Collectors.joining("; "));
        if (kept.isEmpty()) {
            request.headers().remove(HttpHeaders.COOKIE);
        } else {
            request.headers().set(HttpHeaders.COOKIE, kept);
        }
    }

    /** A session just opened for a browser, and the Set-Cookie value that names it. */
    public record SignedIn(BrowserSession session, String cookie) {
    }

    /**
     * Signs this browser in as the account, by password or by an LMS launch alike: the session its cookie named ends
     * (a session id never serves two sign-ins) and a new one opens.
     */
    public SignedIn signIn(UserAccount account, HttpServerRequest request) {
        sessions.close(sessionId(request).orElse(null));
        BrowserSession session = sessions.open(account);
        return new SignedIn(session, cookieFor(session, https(request)));
    }

    /** The session id this browser's cookie names, if it names one. */
    public Optional<String> sessionId(HttpServerRequest request) {
        Cookie cookie = request.getCookie(config.session().cookieName());
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    public static boolean https(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }

    /** The Set-Cookie value that names a session: HttpOnly, SameSite, Secure unless turned off for plain local HTTP. */
    public String cookieFor(BrowserSession session, boolean https) {
        return config.session().cookieName() + "=" + session.id() + attributes(https);
    }

    /** The Set-Cookie value that removes the session cookie from the browser. */
    public String removal(boolean https) {
        return config.session().cookieName() + "=" + attributes(https) + "; Max-Age=0";
    }

    /** Only the API needs the cookie; no Max-Age, so it goes when the browser does, and the session ends on the server. */
    private String attributes(boolean https) {
        return "; Path=/api; HttpOnly; SameSite=" + config.session().sameSite()
                + (https || config.session().secureCookie() ? "; Secure" : "");
    }
}
