package com.upward.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens for tests: valid ones signed with the test key (what the gateway would issue), and each kind of
 * bad token a service must refuse with 401.
 */
public final class TestTokens {

    public static final String ISSUER = "https://upward.local";
    public static final String AUDIENCE = "upward-api";
    private static final String KEYS = "META-INF/upward-test-keys/";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static String learner(String learnerId, String orgId) {
        return token(learnerId, orgId, "learner");
    }

    public static String admin(String adminId, String orgId) {
        return token(adminId, orgId, "admin");
    }

    public static String author(String authorId, String orgId) {
        return token(authorId, orgId, "author");
    }

    public static String token(String subject, String orgId, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject)
                .claim("name", "Test " + subject).claim("org", orgId)
                .groups(java.util.Set.of(roles)).expiresIn(600).sign();
    }

    /** A validly signed token whose org claim is any JSON value: an array, a number, an object... */
    public static String withOrgClaim(Object org, String role) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("odd-org-caller").upn("odd-org-caller")
                .claim("org", org).groups(java.util.Set.of(role)).expiresIn(600).sign();
    }

    /**
     * The claims of a valid token (issuer, audience, sub, upn, org, groups, name, iat, exp), as a map to change
     * before {@link #signed}: a test crafts any claim a trusted issuer could sign (an org of the wrong JSON type, no
     * sub, groups as a string, a name that is an object...).
     */
    public static Map<String, Object> claims(String subject, String orgId, String... roles) {
        Map<String, Object> claims = claims(subject);
        claims.put("org", orgId);
        claims.put("groups", List.of(roles));
        claims.put("name", "Test " + subject);
        return claims;
    }

    /** Signs any claims with the test key, RS256: what a trusted issuer signed, however odd the claims. */
    public static String signed(Map<String, Object> claims) {
        return rs256(claims, testKey());
    }

    // The bad tokens below are built by hand: a token library refuses to make most of them.

    public static String expired() {
        Map<String, Object> claims = claims("expired-learner");
        claims.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
        claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
        return rs256(claims, testKey());
    }

    public static String withoutExpiry() {
        Map<String, Object> claims = claims("timeless-learner");
        claims.remove("exp");
        return rs256(claims, testKey());
    }

    public static String wrongIssuer() {
        Map<String, Object> claims = claims("learner");
        claims.put("iss", "https://evil.example");
        return rs256(claims, testKey());
    }

    public static String wrongAudience() {
        Map<String, Object> claims = claims("learner");
        claims.put("aud", "some-other-api");
        return rs256(claims, testKey());
    }

    public static String signedByForeignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return rs256(claims("learner"), generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was then changed (another subject): the signature no longer matches. */
    public static String tamperedPayload() {
        String[] parts = rs256(claims("learner-a"), testKey()).split("\\.");
        Map<String, Object> forged = claims("learner-b");
        forged.put("groups", List.of("learner", "admin"));
        return parts[0] + "." + base64(json(forged)) + "." + parts[2];
    }

    public static String algNone() {
        return base64(json(Map.of("alg", "none", "typ", "JWT"))) + "." + base64(json(claims("learner"))) + ".";
    }

    /** The classic key-confusion attack: HMAC-signed with the server's public key as the secret. */
    public static String hs256WithPublicKey() {
        try {
            byte[] secret = resource("jwt-public.pem");
            String signingInput = base64(json(Map.of("alg", "HS256", "typ", "JWT"))) + "." + base64(json(claims("learner")));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + base64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String malformed() {
        return "not-a-jwt";
    }

    private static Map<String, Object> claims(String subject) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("org", "acme");
        claims.put("groups", List.of("learner"));
        claims.put("iat", now);
        claims.put("exp", now + 600);
        return claims;
    }

    private static String rs256(Map<String, Object> claims, PrivateKey key) {
        try {
            String signingInput = base64(json(Map.of("alg", "RS256", "typ", "JWT"))) + "." + base64(json(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey testKey() {
        String pem = new String(resource("jwt-private.pem"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(KEYS + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test key " + KEYS + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private TestTokens() {
    }
}
