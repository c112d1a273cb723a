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
}
