package io.connectionportal.manage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.connectors.TestKeys;
import io.connectionportal.connectors.TokenRotation;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * A connection whose tokens were encrypted with a key that is lost for good (the test profile lists {@code lost}
 * in {@code portal.token-lost-keys}): it asks for reconnecting instead of saying "Connected", and deauthorize and
 * delete still go through, recording that its access could not be revoked at the provider.
 */
@QuarkusTest
class UndecryptableTokenTest {

    @Inject
    SyncWorker worker;

    @Inject
    TokenRotation rotation;

    @Inject
    RevocationRetrier retrier;

    @Test
    void aSyncMeetingTokensOfALostKeyAsksForReconnectingAndDeleteStillErasesTheConnection() {
        Browser browser = new Browser();
        browser.signUp("Lost Key Delete Co");
        long id = connectWithLostTokens(browser);

        worker.runPending();

        assertEquals("REAUTH_REQUIRED", Stored.status(id));
        assertEquals(1, reauthorizationWebhooks(id), "the integrator is told once");
        assertEquals(
                1,
                Rows.count(
                        "sync_run",
                        "connection_id = ?1 and outcome = 'REAUTH_REQUIRED' and error_message like '%cannot be decrypted%'",
                        id));
        browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Needs reconnecting"))
                .body(not(containsString("Connected ✔")))
                .body(containsString("action=\"/connections/" + id + "/reconnect\""));

        browser.confirmPassword();
        browser.get("/connections/" + id + "/delete");
        Response done = browser.post("/connections/" + id + "/delete", Map.of());
        assertEquals(303, done.statusCode(), done.body().asString());
        assertTrue(done.header("Location").endsWith("/connections"));
        browser.get("/connections")
                .then()
                .body(containsString("The connection and its data are deleted."))
                .body(containsString("We could not ask the platform to revoke our access"));
        assertEquals(0, Rows.count("connection", "id = ?1", id));
        assertImpossibleRevocations(id);
        assertEquals(1, Stored.events(id, "DELETED"));

        retrier.runOnce();
        assertEquals(0, Rows.count("revocation", "connection_id = ?1 and attempts > 0", id), "never retried");
    }

    @Test
    void deauthorizingAConnectionWhoseTokensCannotBeDecryptedSucceedsAndSaysTheRevocationWasImpossible() {
        Browser browser = new Browser();
        browser.signUp("Lost Key Deauthorize Co");
        long id = connectWithLostTokens(browser);

        browser.get("/connections/" + id + "/deauthorize").then().statusCode(200);
        Response done = browser.post("/connections/" + id + "/deauthorize", Map.of());
        assertEquals(303, done.statusCode(), done.body().asString());

        assertEquals("DEAUTHORIZED", Stored.status(id));
        assertEquals(
                0,
                Rows.count(
                        "connection",
                        "id = ?1 and (access_token_enc is not null or refresh_token_enc is not null)",
                        id),
                "the tokens are gone from the connection");
        assertImpossibleRevocations(id);
        assertEquals(1, Stored.events(id, "DEAUTHORIZED"));
        assertEquals(0, Stored.events(id, "REVOKED"));
        browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .body(containsString("We could not ask the platform to revoke our access"))
                .body(containsString("id=\"revocation-impossible\""))
                .body(not(containsString("id=\"revocation-pending\"")))
                .body(containsString("Could not disconnect at the platform: the stored token could not be decrypted"));
    }

    @Test
    void theTokenRotationMarksALinkedConnectionWithALostKeyAsNeedingReconnection() {
        Browser browser = new Browser();
        browser.signUp("Lost Key Rotation Co");
        long id = connectWithLostTokens(browser);

        rotation.runOnce();

        assertEquals("REAUTH_REQUIRED", Stored.status(id));
        assertEquals(1, reauthorizationWebhooks(id), "the integrator is told once");
        browser.get("/connections").then().body(containsString("Needs reconnecting"));
    }

    /** The connection.reauthorization_required messages queued for the configured test endpoint. */
    private static long reauthorizationWebhooks(long id) {
        return Rows.count(
                "webhook_delivery",
                "event_type = 'connection.reauthorization_required' and payload like ?1",
                "%\"connectionId\":" + id + ",%");
    }

    /** A linked connection whose tokens are replaced by values under the lost key, as after losing it. */
    private static long connectWithLostTokens(Browser browser) {
        long id = SandboxJourney.connect(browser, "xero");
        Rows.execute(
                "update connection set access_token_enc = ?1, refresh_token_enc = ?2 where id = ?3",
                TestKeys.underLostKey("lost-access", "connection:" + id + ":access"),
                TestKeys.underLostKey("lost-refresh", "connection:" + id + ":refresh"),
                id);
        return id;
    }

    private static void assertImpossibleRevocations(long id) {
        assertEquals(
                2,
                Rows.count(
                        "revocation",
                        "connection_id = ?1 and abandoned_at is not null and revoked_at is null and token_enc is null"
                                + " and last_error like '%portal.token-lost-keys%'",
                        id),
                "both tokens recorded as impossible to revoke, with why");
        assertEquals(1, Stored.events(id, "REVOCATION_IMPOSSIBLE"));
    }
}
