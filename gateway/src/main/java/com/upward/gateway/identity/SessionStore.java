package com.upward.gateway.identity;

import com.upward.gateway.config.IdentityConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser sessions of this gateway, in its memory: a session id (256 random bits) names a user and the token
 * issued for them. Finding a session is a map lookup, so a request with a session cookie costs no more than one
 * with a known bearer token; its token is re-issued only when it comes close to expiry. Sessions do not survive a
 * restart of the gateway (users sign in again), and each gateway instance has its own.
 */
@ApplicationScoped
public class SessionStore {

    private static final Base64.Encoder ID_ENCODING = Base64.getUrlEncoder().withoutPadding();

    @Inject
    IdentityConfig config;

    @Inject
    TokenIssuer issuer;

    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, BrowserSession> sessions = new ConcurrentHashMap<>();

    void sweepRegularly(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(60_000, id -> sweep());
    }

    /** A new session for a user who just signed in. */
    public BrowserSession open(UserAccount account) {
        Instant now = clock.instant();
        BrowserSession session = new BrowserSession(randomId(), account, randomId(), now,
                issuer.issue(account), now.plus(issuer.lifetime()));
        sessions.put(session.id(), session);
        return session;
    }

    /** The session the cookie names while it lasts, its token fresh; empty once it has ended or was never there. */
    public Optional<BrowserSession> active(String id) {
        BrowserSession session = id == null ? null : sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (ended(session, now)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.seen(now);
        if (!now.isBefore(session.tokenExpiresAt().minus(config.session().refreshBefore()))) {
            refresh(session, now);
        }
        return Optional.of(session);
    }

    /** Signs out: the session is gone, whatever copies of its cookie still exist. */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Whether the header names the session's CSRF token; compared in constant time. */
    public static boolean csrfMatches(BrowserSession session, String header) {
        return header != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }

    int size() {
        return sessions.size();
    }

    private boolean ended(BrowserSession session, Instant now) {
        return !now.isBefore(session.lastSeen().plus(config.session().idleTimeout()))
                || !now.isBefore(session.signedInAt().plus(config.session().maxLifetime()));
    }

    private void refresh(BrowserSession session, Instant now) {
        synchronized (session) {
            // Another request may have refreshed it while this one waited.
            if (!now.isBefore(session.tokenExpiresAt().minus(config.session().refreshBefore()))) {
                session.replaceToken(issuer.issue(session.account()), now.plus(issuer.lifetime()));
            }
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> ended(session, now));
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return ID_ENCODING.encodeToString(bytes);
    }
}
