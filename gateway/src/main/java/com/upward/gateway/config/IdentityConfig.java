package com.upward.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "upward.identity")
public interface IdentityConfig {

    /**
     * Whether the gateway signs tokens itself (POST /api/v1/auth/token, /.well-known/jwks.json). Turn it off when
     * an external OpenID Connect issuer signs the tokens (mp.jwt.verify.publickey.location = its JWKS URL).
     */
    @WithDefault("true")
    boolean localIssuer();

    /** Seeds the demo users and the demo integration client of DESIGN.md; on only in the local profile. */
    @WithDefault("false")
    boolean demoUsers();

    /** A JSON file of integration clients (clientId, name, org, secretHash as bcrypt), for production. */
    Optional<String> clientsLocation();

    /** Lifetime of an access token issued by the local issuer: short, so a leaked token soon dies. */
    @WithDefault("15m")
    Duration tokenTtl();

    /** The key id put in issued tokens and in the JWKS document. */
    @WithDefault("upward-local-1")
    String keyId();

    /** The {@code iss} of issued tokens: the issuer every service trusts. */
    @WithDefault("${mp.jwt.verify.issuer}")
    String issuer();

    /** The {@code aud} of issued tokens. */
    @WithDefault("${mp.jwt.verify.audiences}")
    String audience();

    /**
     * The local issuer's public key (PEM), published at /.well-known/jwks.json. Defaults to the key tokens are
     * verified with; set it apart when mp.jwt.verify.publickey.location is a JWKS URL.
     */
    @WithDefault("${mp.jwt.verify.publickey.location}")
    String publicKeyLocation();

    /** Browser sessions: the gateway holds the token, the browser an HttpOnly cookie naming the session. */
    BrowserSessions session();

    interface BrowserSessions {

        /** The session cookie's name. */
        @WithDefault("upward_session")
        String cookieName();

        /**
         * Whether the cookie is marked Secure whatever the request's scheme. Leave it on behind TLS (a load
         * balancer may speak plain HTTP to the gateway); the local stack turns it off to serve http://localhost.
         * A request that came over HTTPS always gets a Secure cookie.
         */
        @WithDefault("true")
        boolean secureCookie();

        /** The cookie's SameSite: Strict (the portal is one origin, so nothing needs the cookie on a cross-site link) or Lax. */
        @WithDefault("Strict")
        String sameSite();

        /** A session nobody used for this long has ended. */
        @WithDefault("30m")
        Duration idleTimeout();

        /** A session ends this long after sign-in however busy it is: then the user signs in again. */
        @WithDefault("12h")
        Duration maxLifetime();

        /** The session's token is replaced by a new one when a request comes this close to its expiry. */
        @WithDefault("2m")
        Duration refreshBefore();
    }
}
