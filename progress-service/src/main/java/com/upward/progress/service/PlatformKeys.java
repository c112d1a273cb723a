package com.upward.progress.service;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.upward.progress.config.LtiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platforms' public keys, read from their JWKS URLs and kept for jwks-cache-for. A kid the cached set does not
 * hold makes one reread (a platform rotated its key), at most once per jwks-refresh-floor, so a stream of made-up
 * kids cannot make us hammer the platform.
 */
@ApplicationScoped
public class PlatformKeys {

    private record Cached(JWKSet keys, Instant readAt) {
    }

    @Inject
    LtiConfig config;

    @Inject
    Clock clock;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** The key with this kid, or empty when the platform does not publish it (even after a reread). */
    public Optional<JWK> key(String jwksUrl, String kid) throws IOException {
        Instant now = clock.instant();
        Cached cached = cache.get(jwksUrl);
        if (cached == null || cached.readAt().plus(config.jwksCacheFor()).isBefore(now)) {
            cached = read(jwksUrl, now);
        }
        JWK key = cached.keys().getKeyByKeyId(kid);
        if (key == null && cached.readAt().plus(config.jwksRefreshFloor()).isBefore(now)) {
            key = read(jwksUrl, now).keys().getKeyByKeyId(kid);
        }
        return Optional.ofNullable(key);
    }

    private Cached read(String jwksUrl, Instant now) throws IOException {
        int timeout = (int) config.requestTimeout().toMillis();
        try {
            Cached fresh = new Cached(JWKSet.load(URI.create(jwksUrl).toURL(), timeout, timeout, 512 * 1024), now);
            cache.put(jwksUrl, fresh);
            return fresh;
        } catch (ParseException e) {
            throw new IOException("the platform's JWKS at " + jwksUrl + " is not a JWK set: " + e.getMessage(), e);
        }
    }
}
