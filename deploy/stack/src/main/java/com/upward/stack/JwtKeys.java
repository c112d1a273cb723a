package com.upward.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An RSA key pair generated on first run and kept as PEM files, so it survives restarts: the local token issuer's
 * ({@code jwt-*.pem}: the gateway signs, every service verifies) and the LTI tool's ({@code lti-tool-*.pem}:
 * progress-service signs client assertions and deep-linking responses, LMSs read its public half at /lti/jwks).
 */
public record JwtKeys(Path privateKey, Path publicKey) {

    /** The local token issuer's pair. */
    public static JwtKeys ensure(Path directory) throws IOException {
        return ensure(directory, "jwt");
    }

    /** The LTI tool's pair: LMSs cache its public key, so it must not change at each start. */
    public static JwtKeys ensureLtiTool(Path directory) throws IOException {
        return ensure(directory, "lti-tool");
    }

    static JwtKeys ensure(Path directory, String name) throws IOException {
        JwtKeys keys = new JwtKeys(directory.resolve(name + "-private.pem"), directory.resolve(name + "-public.pem"));
        if (Files.exists(keys.privateKey) && Files.exists(keys.publicKey)) {
            return keys;
        }
        Files.createDirectories(directory);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot generate an RSA key pair", e);
        }
        Files.writeString(keys.privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(keys.privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the folder's own permissions have to do.
        }
        Files.writeString(keys.publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return keys;
    }

    /**
     * A key id that follows the key: the prefix and the start of the public key's SHA-256. A new key (a rotation)
     * gets a new kid, so an LMS that cached the old JWKS meets an unknown kid and reads the JWKS again, instead of
     * failing a signature under a kid it knows.
     */
    public String keyId(String prefix) throws IOException {
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(publicKey).replaceAll("-----[A-Z ]+-----", "").strip());
        try {
            return prefix + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
