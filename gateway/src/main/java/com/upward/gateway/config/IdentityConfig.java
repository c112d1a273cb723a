package com.upward.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "upward.identity")
public interface IdentityConfig {

    /** Seeds the demo users of DESIGN.md; on only in the local profile. */
    @WithDefault("false")
    boolean demoUsers();

    /** Lifetime of an access token issued by the local issuer: short, so a leaked token soon dies. */
    @WithDefault("15m")
    Duration tokenTtl();

    /** The key id put in issued tokens and in the JWKS document. */
    @WithDefault("upward-local-1")
    String keyId();

    /**
     * The local issuer's public key (PEM), published at /.well-known/jwks.json. Defaults to the key tokens are
     * verified with; set it apart when mp.jwt.verify.publickey.location names an external issuer's JWKS.
     */
    @WithDefault("${mp.jwt.verify.publickey.location}")
    String publicKeyLocation();
}
