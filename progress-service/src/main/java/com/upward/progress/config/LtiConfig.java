package com.upward.progress.config;

import com.upward.platform.events.DeliveryRetry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Upward as an LTI 1.3 tool: its own keys, the launch checks' tolerances, and grade passback (AGS). */
@ConfigMapping(prefix = "upward.lti")
public interface LtiConfig {

    /**
     * The tool's private key (PKCS#8 PEM: a file path or a class-path resource). It signs client assertions and
     * deep-linking responses; its public half is the JWKS at /lti/jwks. Without it a key pair is made at start,
     * which only suits a single instance that may forget its key (tests, a demo).
     */
    Optional<String> signingKeyLocation();

    /** The signing key's kid. Rotate by a new key with a new kid, and keep the old public key in retired-keys. */
    @WithDefault("upward-lti-1")
    String signingKeyId();

    /** Earlier public keys (kid → PEM location) still published while platforms' JWKS caches turn over. */
    Map<String, String> retiredKeys();

    /**
     * A folder of earlier public keys, published like retired-keys: each {@code KID.pem} file is the public key (PEM)
     * of that kid. A mounted Secret or a folder beside the key is easier to turn over than a map in configuration.
     */
    Optional<String> retiredKeysDirectory();

    /** Clock skew accepted on a platform id_token's exp and iat. */
    @WithDefault("60s")
    Duration clockLeeway();

    /** How long a platform's JWKS is used before it is read again. */
    @WithDefault("10m")
    Duration jwksCacheFor();

    /** At most one reread of a platform's JWKS in this time when a token names a kid it does not hold. */
    @WithDefault("10s")
    Duration jwksRefreshFloor();

    /** How long a used nonce is remembered at least (past the id_token's exp, it could not be accepted anyway). */
    @WithDefault("1h")
    Duration nonceMemory();

    /** The tool's public base URL (the gateway's), for the links deep linking hands to platforms. */
    @WithDefault("http://localhost:8080")
    String toolUrl();

    /** The course a launch opens when its link names nothing. */
    @WithDefault("how-to-lead-upward")
    String defaultCourse();

    /** Timeout of every call to a platform (JWKS, token, scores, roster). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Grade passback to the platforms' line items. */
    Ags ags();

    /** Retries of a score: max-attempts (12), backoff (5s), max-backoff (15m), poll-interval (5s). */
    interface Ags extends DeliveryRetry {
        /** Attempts per score before it is marked FAILED with the last reason. */
        @Override
        @WithDefault("12")
        int maxAttempts();
    }
}
