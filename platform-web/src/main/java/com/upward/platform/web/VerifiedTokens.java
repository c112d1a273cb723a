package com.upward.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/**
 * The token parser every service's bearer check uses, with a memory of tokens it has already verified. A
 * learner's token is sent with every request for its whole life, and checking its RS256 signature again each
 * time was the largest cost of a request at the gateway. A token is served from memory only while its own
 * {@code exp} has not passed, and for at most {@code upward.security.verified-token-max-age}, so a rotated key
 * takes effect within that time; a token that failed is never remembered, so each try is checked in full.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private record Verified(JsonWebToken token, long expiresAtEpochSecond) {
    }

    private final JWTParser verifier;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    /** Expiry is judged on the system clock, as the verifier judges it, not on a service's movable clock. */
    @Inject
    public VerifiedTokens(DefaultJWTParser verifier,
                          @ConfigProperty(name = "upward.security.verified-token-max-age", defaultValue = "5m") Duration maxAge,
                          @ConfigProperty(name = "upward.security.verified-token-cache-size", defaultValue = "10000") long maxTokens) {
        this(verifier, Clock.systemUTC(), maxAge, maxTokens);
    }

    VerifiedTokens(JWTParser verifier, Clock clock, Duration maxAge, long maxTokens) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(maxAge).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = remembered(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = verifier.parse(token);
        if (clock.instant().getEpochSecond() < checked.getExpirationTime()) {
            verified.put(token, new Verified(checked, checked.getExpirationTime()));
        }
        return checked;
    }

    /**
     * The token as verified before, while it is still valid, or null when it was not (or no longer is) known:
     * lets the gateway's fast path skip the HTTP security layer for a token it has already checked in full,
     * and send everything else through that layer.
     */
    public JsonWebToken remembered(String token) {
        Verified known = verified.getIfPresent(token);
        return known != null && clock.instant().getEpochSecond() < known.expiresAtEpochSecond() ? known.token() : null;
    }

    // The rest are explicit checks against a given key or context: never answered from memory.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
