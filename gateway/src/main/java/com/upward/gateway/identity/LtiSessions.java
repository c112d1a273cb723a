package com.upward.gateway.identity;

import com.upward.gateway.config.LtiToolConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place where an accepted LTI launch becomes an Upward session. Today's sign-in is a bearer token the portal
 * keeps in memory, so the launch answers a redirect to the portal with a one-time code (never the token itself in a
 * URL), and the portal exchanges the code for the token, once, within session-pickup-timeout. When the portal moves
 * to a gateway-held cookie session, only {@link #start} changes: set the cookie and redirect to the target.
 */
@ApplicationScoped
public class LtiSessions {

    /** Who was launched, and the portal route (a hash path such as /courses/c/lessons/l) to land on. */
    public record Launched(String learnerId, String orgId, String name, Set<String> roles, String landing) {
    }

    /** What the portal gets for its code: the same answer as a sign-in, plus where to go. */
    public record Session(String accessToken, long expiresIn, String landing) {
    }

    private record Pending(String token, String landing, Instant until) {
    }

    @Inject
    TokenIssuer issuer;

    @Inject
    LtiToolConfig config;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Where the browser goes after the launch: the portal, which picks the session up with the code. */
    public URI start(Launched launched) {
        String name = launched.name() == null ? "LTI learner" : launched.name();
        String token = issuer.issue(new UserAccount(launched.learnerId(), launched.learnerId(), name, launched.orgId(),
                launched.roles(), null));
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.until().isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(code, new Pending(token, launched.landing(), now.plus(config.sessionPickupTimeout())));
        return URI.create("/#/lti/" + code);
    }

    /** The session for a code, once; empty for an unknown, used or expired code. */
    public Optional<Session> pickUp(String code) {
        Pending found = code == null ? null : pending.remove(code);
        if (found == null || found.until().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Session(found.token(), issuer.lifetimeSeconds(), found.landing()));
    }
}
