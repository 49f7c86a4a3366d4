package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.connectionportal.connectors.TokenCipher.UndecryptableTokenException;

class TokenCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static TokenCipher cipher() {
        return new TokenCipher(TokenKeys.single(KEY, "portal.token-encryption-key"));
    }

    private static TokenCipher rotated(Set<String> lost) {
        return new TokenCipher(TokenKeys.configured(
                        Map.of("k2", TestKeys.K2_KEY), Optional.of("k2"), Optional.of(TestKeys.DEFAULT_KEY), lost)
                .orElseThrow());
    }

    @Test
    void roundTripsNamesItsKeyAndNeverStoresThePlaintext() {
        String sealed = cipher().encrypt("secret-access-token", "connection:1:access");
        assertTrue(sealed.startsWith("v2:default:"), sealed);
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
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> cipher().decrypt(new String(chars), "connection:1:access"));
    }

    @Test
    void aWrongKeyUnderTheSameIdDoesNotDecrypt() {
        String sealed = cipher().encrypt("secret", "x");
        byte[] other = new byte[32];
        other[0] = 1;
        TokenCipher wrong = new TokenCipher(
                TokenKeys.single(Base64.getEncoder().encodeToString(other), "portal.token-encryption-key"));
        UndecryptableTokenException e =
                assertThrows(UndecryptableTokenException.class, () -> wrong.decrypt(sealed, "x"));
        assertEquals(UndecryptableTokenException.Reason.NO_MATCH, e.reason());
        assertTrue(e.needsReconnection());
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedNamingItsSetting() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> TokenKeys.configured(Map.of("k1", "c2hvcnQ="), Optional.empty(), Optional.empty(), Set.of()));
        assertTrue(e.getMessage().contains("portal.token-keys.k1 must be 32 bytes"), e.getMessage());
    }

    @Test
    void valuesWrittenBeforeKeyIdsStillDecryptWithTheSingleKey() {
        String v1 = TestKeys.v1(KEY, "old-refresh-token", "connection:7:refresh");
        assertEquals("old-refresh-token", cipher().decrypt(v1, "connection:7:refresh"));
        String v1UnderDefault = TestKeys.v1(TestKeys.DEFAULT_KEY, "old", "connection:7:refresh");
        assertEquals("old", rotated(Set.of()).decrypt(v1UnderDefault, "connection:7:refresh"));
    }

    @Test
    void withSeveralKeysNewValuesUseTheCurrentOneAndOlderValuesStillDecrypt() {
        TokenCipher cipher = rotated(Set.of());
        String older = TestKeys.underDefaultKey("older", "x");
        assertEquals("older", cipher.decrypt(older, "x"));
        assertFalse(cipher.underCurrentKey(older));
        String moved = cipher.reencrypt(older, "x");
        assertTrue(moved.startsWith("v2:k2:"), moved);
        assertTrue(cipher.underCurrentKey(moved));
        assertEquals("older", cipher.decrypt(moved, "x"));
        assertThrows(UndecryptableTokenException.class, () -> cipher.decrypt(moved, "y"), "still bound to its row");
    }

    @Test
    void aValueUnderAnUnknownOrLostKeySaysWhichAndWhetherReconnectingIsNeeded() {
        String underLost = TestKeys.underLostKey("t", "x");
        UndecryptableTokenException unknown = assertThrows(
                UndecryptableTokenException.class, () -> rotated(Set.of()).decrypt(underLost, "x"));
        assertEquals(UndecryptableTokenException.Reason.KEY_UNKNOWN, unknown.reason());
        assertFalse(unknown.needsReconnection(), "another instance may hold it");
        assertTrue(unknown.getMessage().contains("portal.token-keys.lost"), unknown.getMessage());
        UndecryptableTokenException lost = assertThrows(
                UndecryptableTokenException.class, () -> rotated(Set.of("lost")).decrypt(underLost, "x"));
        assertEquals(UndecryptableTokenException.Reason.KEY_LOST, lost.reason());
        assertTrue(lost.needsReconnection());
    }

    @Test
    void severalKeysNeedTheCurrentOneNamed() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> TokenKeys.configured(
                        Map.of("k1", KEY, "k2", TestKeys.K2_KEY), Optional.empty(), Optional.empty(), Set.of()));
        assertTrue(e.getMessage().contains("portal.token-key-current"), e.getMessage());
        IllegalStateException unknown = assertThrows(
                IllegalStateException.class,
                () -> TokenKeys.configured(Map.of("k1", KEY), Optional.of("k9"), Optional.empty(), Set.of()));
        assertTrue(unknown.getMessage().contains("portal.token-keys.k9"), unknown.getMessage());
    }

    @Test
    void theSingleKeySettingAndTheDefaultIdCannotDisagree() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> TokenKeys.configured(
                        Map.of("default", KEY), Optional.empty(), Optional.of(TestKeys.K2_KEY), Set.of()));
        assertTrue(e.getMessage().contains("portal.token-encryption-key"), e.getMessage());
    }

    @Test
    void aKeyIdIsLowerCaseLettersAndDigits() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> TokenKeys.configured(Map.of("Key_1", KEY), Optional.empty(), Optional.empty(), Set.of()));
        assertTrue(e.getMessage().contains("portal.token-keys.Key_1"), e.getMessage());
    }
}
