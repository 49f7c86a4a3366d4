package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check and the key file, against a database held in memory. */
class TokenKeyCheckTest {

    private static final EncryptedColumn ACCESS = new EncryptedColumn("connection", "access_token_enc", "binding");

    /** Check values and encrypted values, as {@link TokenKeyStore} would read them. */
    private static final class Database implements TokenKeyCheck.Stored {
        final Map<String, String> checks = new HashMap<>();
        final List<TokenKeyStore.Sealed> values = new ArrayList<>();

        Database check(TokenKeys keys, String id) {
            checks.put(id, keys.checkValue(id));
            return this;
        }

        Database value(String sealed, String boundTo) {
            values.add(new TokenKeyStore.Sealed(ACCESS, values.size() + 1, sealed, boundTo));
            return this;
        }

        @Override
        public Map<String, String> checkValues() {
            return checks;
        }

        @Override
        public boolean anyUnder(String keyId) {
            return !samples(keyId, 1).isEmpty();
        }

        @Override
        public List<TokenKeyStore.Sealed> samples(String keyId, int max) {
            return values.stream()
                    .filter(v -> TokenCipher.keyId(v.value()).orElse("").equals(keyId))
                    .limit(max)
                    .toList();
        }
    }

    private static TokenKeys keys(Map<String, String> byId, String current, Set<String> lost) {
        return TokenKeys.configured(byId, Optional.of(current), Optional.empty(), lost)
                .orElseThrow();
    }

    @Test
    void aKeyThatIsNotTheOneOfItsCheckValueStopsTheStartNamingTheSetting() {
        TokenKeys original = TestKeys.keys("k1", TestKeys.DEFAULT_KEY);
        Database db = new Database()
                .check(original, "k1")
                .value(
                        TestKeys.cipher("k1", TestKeys.DEFAULT_KEY).encrypt("t", "connection:1:access"),
                        "connection:1:access");
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> TokenKeyCheck.verify(TestKeys.keys("k1", TestKeys.K2_KEY), db));
        assertTrue(e.getMessage().contains("portal.token-keys.k1 (PORTAL_TOKEN_KEYS_K1)"), e.getMessage());
        assertTrue(e.getMessage().contains("check value"), e.getMessage());
        assertDoesNotThrow(() -> TokenKeyCheck.verify(original, db));
    }

    @Test
    void tokensUnderAKeyThatIsNotConfiguredStopTheStartUnlessItIsDeclaredLost() {
        TokenKeys before = TestKeys.keys("k1", TestKeys.DEFAULT_KEY);
        Database db = new Database()
                .check(before, "k1")
                .value(TestKeys.cipher("k1", TestKeys.DEFAULT_KEY).encrypt("t", "b"), "b");
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> TokenKeyCheck.verify(TestKeys.keys("k2", TestKeys.K2_KEY), db));
        assertTrue(e.getMessage().contains("token key 'k1', which is not configured"), e.getMessage());
        assertTrue(e.getMessage().contains("portal.token-keys.k1"), e.getMessage());
        assertTrue(e.getMessage().contains("portal.token-lost-keys"), e.getMessage());

        assertDoesNotThrow(() -> TokenKeyCheck.verify(keys(Map.of("k2", TestKeys.K2_KEY), "k2", Set.of("k1")), db));
    }

    @Test
    void aRetiredKeyWithNoTokensLeftIsNotNeeded() {
        TokenKeys before = TestKeys.keys("k1", TestKeys.DEFAULT_KEY);
        Database db = new Database()
                .check(before, "k1")
                .value(TestKeys.cipher("k2", TestKeys.K2_KEY).encrypt("t", "b"), "b");
        assertDoesNotThrow(() -> TokenKeyCheck.verify(TestKeys.keys("k2", TestKeys.K2_KEY), db));
    }

    @Test
    void valuesWrittenBeforeKeyIdsMustOpenWithTheSingleKey() {
        Database db = new Database()
                .value(TestKeys.v1(TestKeys.DEFAULT_KEY, "t", "connection:3:access"), "connection:3:access");
        IllegalStateException wrong = assertThrows(
                IllegalStateException.class,
                () -> TokenKeyCheck.verify(TokenKeys.single(TestKeys.K2_KEY, "portal.token-encryption-key"), db));
        assertTrue(
                wrong.getMessage().contains("portal.token-encryption-key (PORTAL_TOKEN_ENCRYPTION_KEY)"),
                wrong.getMessage());
        assertTrue(wrong.getMessage().contains("none of the 1 stored tokens tried opens"), wrong.getMessage());

        IllegalStateException missing = assertThrows(
                IllegalStateException.class, () -> TokenKeyCheck.verify(TestKeys.keys("k2", TestKeys.K2_KEY), db));
        assertTrue(missing.getMessage().contains("token key 'default', which is not configured"), missing.getMessage());

        assertDoesNotThrow(
                () -> TokenKeyCheck.verify(TokenKeys.single(TestKeys.DEFAULT_KEY, "portal.token-encryption-key"), db));
    }

    @Test
    void anEmptyDatabaseAcceptsAnyKey() {
        assertDoesNotThrow(() -> TokenKeyCheck.verify(TestKeys.keys("k2", TestKeys.K2_KEY), new Database()));
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKept(@TempDir Path dir) {
        Path keyFile = dir.resolve("data/token.key");
        TokenKeys generated = TokenKeyFile.load(keyFile, () -> false);
        assertTrue(Files.exists(keyFile));
        String sealed = new TokenCipher(generated).encrypt("secret", "x");
        TokenKeys again = TokenKeyFile.load(keyFile, () -> {
            throw new AssertionError("the database is not asked when the file exists");
        });
        assertTrue(new TokenCipher(again).decrypt(sealed, "x").equals("secret"));
    }

    @Test
    void noKeyIsGeneratedWhenTheDatabaseHoldsTokensAndTheMessageSaysWhatToRestore(@TempDir Path dir) {
        Path keyFile = dir.resolve("data/token.key");
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> TokenKeyFile.load(keyFile, () -> true));
        assertFalse(Files.exists(keyFile), "no new key was written");
        assertTrue(e.getMessage().contains(keyFile.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("portal.token-encryption-key"), e.getMessage());
    }
}
