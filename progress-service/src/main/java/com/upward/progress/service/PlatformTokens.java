package com.upward.progress.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.upward.progress.config.LtiConfig;
import com.upward.progress.domain.LtiPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * OAuth 2 access tokens from the platforms' token endpoints: client credentials, the client authenticated by a
 * private_key_jwt assertion signed with the tool key. Each token is kept per platform and scope until shortly before
 * it expires.
 */
@ApplicationScoped
public class PlatformTokens {

    /** Why a platform gave no token; its message is the reason stored with the score. */
    public static class TokenRefused extends IOException {
        public TokenRefused(String message) {
            super(message);
        }
    }

    private record Held(String token, Instant until) {
    }

    @Inject
    ToolKeys keys;

    @Inject
    LtiConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().build();

    public String token(LtiPlatform platform, String scope) throws IOException, InterruptedException {
        String key = platform.id() + " " + scope;
        Held current = held.get(key);
        Instant now = clock.instant();
        if (current != null && current.until().isAfter(now)) {
            return current.token();
        }
        Map<String, String> form = Map.of(
                "grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion(platform, now),
                "scope", scope);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.authTokenUrl()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new TokenRefused("token endpoint answered HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
        JsonNode answer = json.readTree(response.body());
        if (!answer.hasNonNull("access_token")) {
            throw new TokenRefused("token endpoint answered no access_token");
        }
        long lifetime = answer.path("expires_in").asLong(300);
        // Renewed a little early, so a token never expires on its way to the platform.
        Held fresh = new Held(answer.get("access_token").asText(), now.plusSeconds(Math.max(0, lifetime - 30)));
        held.put(key, fresh);
        return fresh.token();
    }

    /** The platform refused a token we hold: ask for a new one next time. */
    public void forget(LtiPlatform platform, String scope) {
        held.remove(platform.id() + " " + scope);
    }

    private String assertion(LtiPlatform platform, Instant now) {
        return keys.sign(new JWTClaimsSet.Builder().issuer(platform.clientId()).subject(platform.clientId())
                .audience(platform.authTokenUrl()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build());
    }
}
