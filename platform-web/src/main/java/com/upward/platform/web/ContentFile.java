package com.upward.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content file kept in the repository and shipped on the class path (a course, a question bank), with
 * its SHA-256: loaders compare hashes so loading the same file again changes nothing.
 */
public record ContentFile(String location, byte[] bytes) {

    /** Reads the file; {@code what} names it in errors ("Course file", "Question bank"). */
    public static ContentFile read(String location, String what) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(what + " " + location + " is not on the classpath");
            }
            return new ContentFile(location, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + what + " " + location, e);
        }
    }

    public String sha256() {
        return sha256(bytes);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
