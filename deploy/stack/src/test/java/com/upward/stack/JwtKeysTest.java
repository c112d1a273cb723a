package com.upward.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kept key pairs: the LTI tool's survives a restart with its kid, and a new key comes with a new kid. */
class JwtKeysTest {

    @Test
    void theLtiToolKeyIsMadeOnceAndKeptBesideTheTokenKeys(@TempDir Path keys) throws Exception {
        JwtKeys first = JwtKeys.ensureLtiTool(keys);
        String pem = Files.readString(first.privateKey());
        String kid = first.keyId("upward-lti-");
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8, as progress-service reads it");
        assertTrue(kid.matches("upward-lti-[0-9a-f]{12}"), kid);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.privateKey())));

        JwtKeys again = JwtKeys.ensureLtiTool(keys);
        assertEquals(pem, Files.readString(again.privateKey()), "a restart keeps the key");
        assertEquals(kid, again.keyId("upward-lti-"), "and its kid");
        assertNotEquals(Files.readString(JwtKeys.ensure(keys).privateKey()), pem, "the token issuer has a key of its own");

        Files.delete(first.privateKey());
        Files.delete(first.publicKey());
        assertNotEquals(kid, JwtKeys.ensureLtiTool(keys).keyId("upward-lti-"), "a new key, a new kid");
    }
}
