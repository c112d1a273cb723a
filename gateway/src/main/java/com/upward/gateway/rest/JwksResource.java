package com.upward.gateway.rest;

import com.upward.gateway.config.IdentityConfig;
import com.upward.platform.web.ProblemException;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The local issuer's public key as a JWKS document, so services and LMSs can verify its tokens. */
@Path("/.well-known/jwks.json")
@Tag(name = "Sign-in")
@SecurityRequirements
public class JwksResource {

    @Inject
    IdentityConfig config;

    private volatile Map<String, Object> jwks;

    @GET
    @Operation(summary = "The local issuer's public keys (JWKS), to verify its tokens")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> keys() throws IOException, GeneralSecurityException {
        if (!config.localIssuer()) {
            throw ProblemException.notFound("This gateway issues no tokens; its issuer publishes the keys.");
        }
        if (jwks == null) {
            RSAPublicKey key = (RSAPublicKey) KeyUtils.decodePublicKey(readPem(config.publicKeyLocation()));
            jwks = Map.of("keys", List.of(Map.of(
                    "kty", "RSA", "use", "sig", "alg", "RS256", "kid", config.keyId(),
                    "n", base64Url(key.getModulus()), "e", base64Url(key.getPublicExponent()))));
        }
        return jwks;
    }

    private static String readPem(String location) throws IOException {
        if (location.startsWith("file:")) {
            try (InputStream in = URI.create(location).toURL().openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IOException("No public key at " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
