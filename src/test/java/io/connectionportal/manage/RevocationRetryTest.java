package io.connectionportal.manage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.sandbox.SandboxFaults;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * The provider's revocation endpoint answers 503: the tokens are no longer used, the connection shows
 * "Revocation pending" (never "revoked"), and the retrier tries again with backoff until the provider
 * accepts; only then is it revoked, and the provider has really ended the grant.
 */
@QuarkusTest
class RevocationRetryTest {

    @Inject
    SandboxFaults faults;

    @Inject
    RevocationRetrier retrier;

    @AfterEach
    void backToNormal() {
        faults.reset();
    }

    /** Makes this connection's pending revocations due long ago, so they run first. */
    private static void due(long connectionId) {
        Rows.execute(
                "update revocation set next_attempt_at = ?1 where connection_id = ?2 and revoked_at is null",
                OffsetDateTime.parse("2000-01-01T00:00:00Z"),
                connectionId);
    }

    private static long pending(long connectionId) {
        return Rows.count("revocation", "connection_id = ?1 and revoked_at is null", connectionId);
    }

    @Test
    void deauthorizeWhileTheProviderIsDownIsRetriedUntilItConfirms() {
        Browser browser = new Browser();
        browser.signUp("Revocation Outage Co");
        long id = SandboxJourney.connect(browser, "xero");
        String access = Stored.accessToken(id);
        String refresh = Stored.refreshToken(id);

        faults.failNextRevocations(2);
        browser.get("/connections/" + id + "/deauthorize");
        browser.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);

        assertEquals("DEAUTHORIZED", Stored.status(id));
        assertEquals(
                0,
                Rows.count(
                        "connection",
                        "id = ?1 and (access_token_enc is not null or refresh_token_enc is not null)",
                        id),
                "the portal no longer holds or uses the tokens");
        assertEquals(
                2,
                Rows.count(
                        "revocation",
                        "connection_id = ?1 and revoked_at is null and attempts = 1"
                                + " and token_enc is not null and last_error like '%503%'",
                        id),
                "kept, encrypted, to retry");
        OffsetDateTime now = OffsetDateTime.now();
        assertEquals(
                2,
                Rows.count(
                        "revocation",
                        "connection_id = ?1 and next_attempt_at between ?2 and ?3",
                        id,
                        now.plusSeconds(15),
                        now.plusSeconds(35)),
                "first retry after 30 s");
        assertEquals(1, Stored.events(id, "REVOCATION_PENDING"));
        assertEquals(0, Stored.events(id, "REVOKED"));
        browser.get("/connections/" + id)
                .then()
                .body(containsString("id=\"revocation-pending\">Disconnecting at the platform<"))
                .body(not(containsString("id=\"revoked\"")));
        assertEquals(200, SandboxJourney.dataApiStatus("xero", access), "the provider has really not revoked it yet");

        retrier.runOnce();
        assertEquals(2, Rows.count("revocation", "connection_id = ?1 and attempts = 1", id), "not due yet: untouched");

        // Second try: the provider fails once more (the refresh token), then accepts (the access token).
        faults.failNextRevocations(1);
        due(id);
        assertTrue(retrier.runOnce() >= 2);
        assertEquals(1, pending(id));
        now = OffsetDateTime.now();
        assertEquals(
                1,
                Rows.count(
                        "revocation",
                        "connection_id = ?1 and revoked_at is null and attempts = 2"
                                + " and token_kind = 'REFRESH_TOKEN' and next_attempt_at between ?2 and ?3",
                        id,
                        now.plusSeconds(45),
                        now.plusSeconds(65)),
                "backoff doubled to a minute");
        assertEquals(401, SandboxJourney.dataApiStatus("xero", access), "the access token is revoked");
        assertEquals(0, Stored.events(id, "REVOKED"), "not revoked while the grant's refresh token is pending");
        browser.get("/connections/" + id).then().body(containsString("id=\"revocation-pending\""));

        due(id);
        retrier.runOnce();
        assertEquals(0, pending(id));
        assertEquals(
                0, Rows.count("revocation", "connection_id = ?1 and token_enc is not null", id), "wiped once revoked");
        assertEquals(1, Stored.events(id, "REVOKED"));
        browser.get("/connections/" + id)
                .then()
                .body(not(containsString("id=\"revocation-pending\"")))
                .body(containsString("id=\"revoked\""))
                .body(containsString("Xero confirmed on"));
        Response refused = SandboxJourney.refresh("xero", refresh);
        assertEquals("invalid_grant", refused.jsonPath().getString("error"), "the sandbox received the revocation");
    }

    @Test
    void aDeleteWhoseRevocationFailsStillErasesAndKeepsRetrying() {
        Browser browser = new Browser();
        String email = browser.signUp("Revocation Delete Co");
        long company = Stored.companyOf(email);
        long id = SandboxJourney.connect(browser, "xero");
        Stored.syncedData(id);
        String access = Stored.accessToken(id);
        String refresh = Stored.refreshToken(id);

        faults.failNextRevocations(2);
        browser.confirmPassword();
        browser.get("/connections/" + id + "/delete");
        browser.post("/connections/" + id + "/delete", Map.of()).then().statusCode(303);
        browser.get("/connections").then().body(containsString("has not yet confirmed that our access is revoked"));

        assertEquals(0, Rows.count("connection", "id = ?1", id));
        assertEquals(0, Rows.count(Stored.DATASET, "connection_id = ?1", id));
        assertEquals(
                2,
                Rows.count(
                        "revocation",
                        "connection_id = ?1 and company_id = ?2 and platform_key = 'xero'" + " and revoked_at is null",
                        id,
                        company));
        assertEquals(1, Stored.events(id, "DELETED"));
        assertEquals(1, Stored.events(id, "REVOCATION_PENDING"));
        assertEquals(200, SandboxJourney.dataApiStatus("xero", access));

        due(id);
        retrier.runOnce();
        assertEquals(0, pending(id));
        assertEquals(
                1,
                Rows.count("audit_event", "connection_id = ?1 and company_id = ?2 and type = 'REVOKED'", id, company));
        assertEquals(401, SandboxJourney.dataApiStatus("xero", access));
        assertEquals(
                "invalid_grant",
                SandboxJourney.refresh("xero", refresh).jsonPath().getString("error"));
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), Revocations.backoff(1));
        assertEquals(Duration.ofMinutes(1), Revocations.backoff(2));
        assertEquals(Duration.ofMinutes(2), Revocations.backoff(3));
        assertEquals(Duration.ofMinutes(32), Revocations.backoff(7));
        assertEquals(Duration.ofHours(1), Revocations.backoff(8));
        assertEquals(Duration.ofHours(1), Revocations.backoff(1000));
    }
}
