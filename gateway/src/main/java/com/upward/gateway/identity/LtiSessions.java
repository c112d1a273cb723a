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
 * The one place where an accepted LTI launch becomes an Upward session. The launch answers a redirect to the portal
 * with a one-time code (nothing that signs anyone in sits in a URL), and the portal exchanges the code, once, within
 * session-pickup-timeout, for the same browser session a sign-in opens (an HttpOnly cookie, {@link SessionStore}). The
 * exchange is a same-site request from the portal, so the session cookie is set in a first-party context even when
 * the launch itself was a cross-site form post.
 */
@ApplicationScoped
public class LtiSessions {

    /** Who was launched, and the portal route (a hash path such as /courses/c/lessons/l) to land on. */
    public record Launched(String learnerId, String orgId, String name, Set<String> roles, String landing) {
    }

    /** What a code stands for: the launched user, and where to go. */
    public record PickedUp(UserAccount account, String landing) {
    }

    private record Pending(UserAccount account, String landing, Instant until) {
    }

    @Inject
    LtiToolConfig config;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Where the browser goes after the launch: the portal, which picks the session up with the code. */
    public URI start(Launched launched) {
        String name = launched.name() == null ? "LTI learner" : launched.name();
        UserAccount account = new UserAccount(launched.learnerId(), launched.learnerId(), name, launched.orgId(),
                launched.roles(), null);
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.until().isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(code, new Pending(account, launched.landing(), now.plus(config.sessionPickupTimeout())));
        return URI.create("/#/lti/" + code);
    }

    /** The launched user for a code, once; empty for an unknown, used or expired code. */
    public Optional<PickedUp> pickUp(String code) {
        Pending found = code == null ? null : pending.remove(code);
        if (found == null || found.until().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new PickedUp(found.account(), found.landing()));
    }
}
