package com.upward.progress.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.upward.progress.config.LtiConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The tool's own RSA key: it signs what Upward sends to platforms, and its public half (with retired ones) is the JWKS. */
@ApplicationScoped
public class ToolKeys {

    private static final Logger LOG = Logger.getLogger(ToolKeys.class);

    @Inject
    LtiConfig config;

    private RSAKey signingKey;
    private JWKSet publicKeys;

    void load(@Observes StartupEvent event) throws Exception {
        signingKey = config.signingKeyLocation().map(location -> privateKey(location, config.signingKeyId()))
                .orElseGet(this::generated);
        List<JWK> published = new ArrayList<>();
        published.add(signingKey.toPublicJWK());
        Map<String, String> retiredKeys = new TreeMap<>(config.retiredKeys());
        config.retiredKeysDirectory().ifPresent(directory -> retiredKeys.putAll(retiredKeysIn(Path.of(directory))));
        for (Map.Entry<String, String> retired : retiredKeys.entrySet()) {
            published.add(new RSAKey.Builder((RSAPublicKey) publicKey(read(retired.getValue())))
                    .keyID(retired.getKey()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build());
        }
        publicKeys = new JWKSet(published);
    }

    /** Each KID.pem of the folder (a missing folder holds none): kid → its path. */
    private static Map<String, String> retiredKeysIn(Path directory) {
        Map<String, String> keys = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".pem") && Files.isRegularFile(file))
                    .forEach(file -> keys.put(file.getFileName().toString().replaceAll("\\.pem$", ""), file.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("upward.lti.retired-keys-directory: cannot list " + directory, e);
        }
        return keys;
    }

    /** The public keys, current first, each with kid, use sig and alg RS256. */
    public Map<String, Object> jwks() {
        return publicKeys.toJSONObject(true);
    }

    /** A compact RS256 JWS of the claims, with the current kid in its header (platforms select our key by it). */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("the tool key cannot sign", e);
        }
        return jwt.serialize();
    }

    /** Whether the token was signed by the current tool key (for what the tool sealed itself). */
    public boolean verify(SignedJWT jwt) {
        try {
            return signingKey.getKeyID().equals(jwt.getHeader().getKeyID())
                    && jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(signingKey.toRSAPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private RSAKey generated() {
        LOG.warn("upward.lti.signing-key-location is not set: the LTI tool key is made now and lost at restart; "
                + "platforms that cached the old JWKS will refuse our signatures until they read it again");
        try {
            return new RSAKeyGenerator(2048).keyID(config.signingKeyId()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey privateKey(String location, String keyId) {
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pem(read(location))));
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new RSAKey.Builder(pub).privateKey(key).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
        } catch (Exception e) {
            throw new IllegalStateException("upward.lti.signing-key-location: not an RSA PKCS#8 PEM key at " + location, e);
        }
    }

    private static PublicKey publicKey(String pem) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem(pem)));
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    private static String read(String location) {
        try {
            Path path = Path.of(location);
            if (Files.exists(path)) {
                return Files.readString(path);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
                if (in == null) {
                    throw new IllegalStateException("no key at " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the key at " + location, e);
        }
    }
}
