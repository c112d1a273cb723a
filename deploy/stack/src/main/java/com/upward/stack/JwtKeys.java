package com.upward.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The local token issuer's RSA key pair, generated on first run and kept as PEM files.
 * The gateway signs with the private key; every service verifies with the public one.
 */
public record JwtKeys(Path privateKey, Path publicKey) {

    public static JwtKeys ensure(Path directory) throws IOException {
        JwtKeys keys = new JwtKeys(directory.resolve("jwt-private.pem"), directory.resolve("jwt-public.pem"));
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

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
