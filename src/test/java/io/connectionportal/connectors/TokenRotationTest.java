package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * Key rotation in the test profile's configuration: {@code default} (the single key of earlier versions, which
 * wrote v1 values) is still configured, {@code k2} is current. The scheduler is halted: the test runs a pass.
 */
@QuarkusTest
class TokenRotationTest {

    private static final EncryptedColumn ACCESS = new EncryptedColumn(
            "connection", "access_token_enc", "'connection:' || cast(id as varchar(20)) || ':access'");

    @Inject
    TokenRotation rotation;

    @Inject
    TokenCipher cipher;

    @Inject
    TokenKeyStore store;

    @Test
    void olderValuesAreReencryptedUnderTheCurrentKeyAndStillWorkAtTheProvider() {
        Browser browser = new Browser();
        browser.signUp("Rotation Co");
        long id = SandboxJourney.connect(browser, "xero");
        String accessBinding = "connection:" + id + ":access";
        String refreshBinding = "connection:" + id + ":refresh";
        assertTrue(stored("access_token_enc", id).startsWith("v2:k2:"), "new values use the current key");
        String access = cipher.decrypt(stored("access_token_enc", id), accessBinding);
        String refresh = cipher.decrypt(stored("refresh_token_enc", id), refreshBinding);

        // As an older install left them: the access token as a v1 value, the refresh token under the older key.
        Rows.execute(
                "update connection set access_token_enc = ?1, refresh_token_enc = ?2 where id = ?3",
                TestKeys.v1(TestKeys.DEFAULT_KEY, access, accessBinding),
                TestKeys.underDefaultKey(refresh, refreshBinding),
                id);
        assertEquals(access, cipher.decrypt(stored("access_token_enc", id), accessBinding), "v1 values decrypt");

        rotation.runOnce();

        String rotatedAccess = stored("access_token_enc", id);
        String rotatedRefresh = stored("refresh_token_enc", id);
        assertTrue(rotatedAccess.startsWith("v2:k2:"), rotatedAccess.substring(0, 8));
        assertTrue(rotatedRefresh.startsWith("v2:k2:"), rotatedRefresh.substring(0, 8));
        assertEquals(access, cipher.decrypt(rotatedAccess, accessBinding));
        assertEquals(refresh, cipher.decrypt(rotatedRefresh, refreshBinding));
        assertEquals(200, SandboxJourney.dataApiStatus("xero", cipher.decrypt(rotatedAccess, accessBinding)));
        assertEquals(
                200,
                SandboxJourney.refresh("xero", cipher.decrypt(rotatedRefresh, refreshBinding))
                        .statusCode(),
                "the refresh token still works");

        rotation.runOnce();
        assertEquals(rotatedAccess, stored("access_token_enc", id), "a value under the current key is left alone");
    }

    @Test
    void aValueChangedSinceItWasReadIsNeverOverwritten() {
        Browser browser = new Browser();
        browser.signUp("Rotation Race Co");
        long id = SandboxJourney.connect(browser, "xero");
        String binding = "connection:" + id + ":access";
        Rows.execute(
                "update connection set access_token_enc = ?1 where id = ?2",
                TestKeys.underDefaultKey("older-token", binding),
                id);
        List<TokenKeyStore.Sealed> read = store.notUnder(ACCESS, "k2", id - 1, 1);
        assertEquals(id, read.get(0).id());

        // Meanwhile a sync stored a freshly rotated token (or another instance re-encrypted it first).
        String fresh = cipher.encrypt("fresh-token", binding);
        Rows.execute("update connection set access_token_enc = ?1 where id = ?2", fresh, id);

        assertEquals(0, store.replace(read, List.of(cipher.reencrypt(read.get(0).value(), binding))));
        assertEquals(fresh, stored("access_token_enc", id));
    }

    private static String stored(String column, long id) {
        return (String) Rows.single("select " + column + " from connection where id = ?1", id);
    }
}
