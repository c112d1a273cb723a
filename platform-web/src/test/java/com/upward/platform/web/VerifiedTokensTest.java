package com.upward.platform.web;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The memory of verified tokens, around the real smallrye-jwt verifier and real RS256 signatures. */
class VerifiedTokensTest {

    private static final String ISSUER = "https://upward.local";
    private static final KeyPair KEYS = keyPair();
    private static final KeyPair OTHER_KEYS = keyPair();

    private final AtomicInteger verifications = new AtomicInteger();
    private final JWTParser verifier = counting(new DefaultJWTParser(context()));

    @Test
    void aTokenVerifiedOnceIsServedFromMemoryUntilItExpires() throws Exception {
        long exp = Instant.now().getEpochSecond() + 300;
        String token = token("learner-1", exp, KEYS.getPrivate());
        MovableClock clock = new MovableClock(Instant.now());
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Duration.ofMinutes(5), 100);

        JsonWebToken first = tokens.parse(token);
        assertSame(first, tokens.parse(token));
        assertEquals(1, verifications.get());
        assertEquals("learner-1", first.getSubject());

        clock.now = Instant.ofEpochSecond(exp);
        assertNotSame(first, tokens.parse(token), "at its exp the token is checked in full again");
        assertEquals(2, verifications.get());
    }

    @Test
    void aTokenThatFailedIsNeverRemembered() throws Exception {
        String foreign = token("learner-1", Instant.now().getEpochSecond() + 300, OTHER_KEYS.getPrivate());
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.systemUTC(), Duration.ofMinutes(5), 100);

        assertThrows(ParseException.class, () -> tokens.parse(foreign));
        assertThrows(ParseException.class, () -> tokens.parse(foreign));
        assertEquals(2, verifications.get());
    }

    @Test
    void aTokenChangedByOneCharacterIsNotTheRememberedOne() throws Exception {
        String token = token("learner-1", Instant.now().getEpochSecond() + 300, KEYS.getPrivate());
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.systemUTC(), Duration.ofMinutes(5), 100);
        tokens.parse(token);

        int payloadStart = token.indexOf('.') + 1;
        char flipped = token.charAt(payloadStart + 5) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, payloadStart + 5) + flipped + token.substring(payloadStart + 6);
        assertThrows(ParseException.class, () -> tokens.parse(tampered));
    }

    @Test
    void nothingIsRememberedLongerThanTheMaximumAge() throws Exception {
        String token = token("learner-1", Instant.now().getEpochSecond() + 300, KEYS.getPrivate());
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.systemUTC(), Duration.ZERO, 100);

        JsonWebToken first = tokens.parse(token);
        assertNotSame(first, tokens.parse(token));
        assertEquals(2, verifications.get());
    }

    private JWTParser counting(JWTParser real) {
        return (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JWTParser.class},
                (proxy, method, args) -> {
                    verifications.incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static JWTAuthContextInfo context() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(KEYS.getPublic(), ISSUER);
        context.setExpectedAudience(java.util.Set.of("upward-api"));
        return context;
    }

    private static String token(String subject, long exp, PrivateKey key) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"upward-api\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + exp + ",\"groups\":[\"learner\"]}")
                .getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + base64.encodeToString(rs256.sign());
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
