package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static TokenCipher cipher() {
        return new TokenCipher(Optional.of(KEY), "unused");
    }

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        String sealed = cipher().encrypt("secret-access-token", "connection:1:access");
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("secret-access-token"));
        assertEquals("secret-access-token", cipher().decrypt(sealed, "connection:1:access"));
    }

    @Test
    void theSameTokenEncryptsDifferentlyEachTime() {
        assertNotEquals(cipher().encrypt("t", "x"), cipher().encrypt("t", "x"));
    }

    @Test
    void aValueMovedToAnotherRowOrTamperedWithDoesNotDecrypt() {
        String sealed = cipher().encrypt("secret", "connection:1:access");
        assertThrows(IllegalStateException.class, () -> cipher().decrypt(sealed, "connection:2:access"));
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> cipher().decrypt(new String(chars), "connection:1:access"));
    }

    @Test
    void aWrongKeyDoesNotDecrypt() {
        String sealed = cipher().encrypt("secret", "x");
        byte[] other = new byte[32];
        other[0] = 1;
        TokenCipher wrong = new TokenCipher(Optional.of(Base64.getEncoder().encodeToString(other)), "unused");
        assertThrows(IllegalStateException.class, () -> wrong.decrypt(sealed, "x"));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedAtStartUp() {
        assertThrows(IllegalStateException.class, () -> new TokenCipher(Optional.of("c2hvcnQ="), "unused"));
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKept(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("data/token.key");
        String sealed = new TokenCipher(Optional.empty(), keyFile.toString()).encrypt("secret", "x");
        assertTrue(Files.exists(keyFile));
        assertEquals("secret", new TokenCipher(Optional.empty(), keyFile.toString()).decrypt(sealed, "x"));
    }
}
