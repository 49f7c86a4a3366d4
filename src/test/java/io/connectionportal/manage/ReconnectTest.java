package io.connectionportal.manage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** Reconnect (M5): the same OAuth round trip for an existing connection, which keeps its id and history. */
@QuarkusTest
class ReconnectTest {

    private static void deauthorize(Browser browser, long id) {
        browser.get("/connections/" + id + "/deauthorize");
        browser.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);
    }

    private static Object linkedAt(long id) {
        return Rows.single("select linked_at from connection where id = ?1", id);
    }

    @Test
    void aDeauthorizedConnectionIsLinkedAgainWithTheSameIdAndHistory() {
        Browser browser = new Browser();
        String email = browser.signUp("Reconnect Co");
        long company = Stored.companyOf(email);
        long id = SandboxJourney.connect(browser, "xero");
        Stored.syncedData(id);
        deauthorize(browser, id);
        Object before = linkedAt(id);
        browser.get("/connections/" + id).then().body(containsString("Reconnect Xero"));

        Response back = SandboxJourney.reconnect(browser, id, "xero", SandboxJourney.ALLOW);
        assertTrue(back.header("Location").endsWith("/connections/" + id), back.header("Location"));
        browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Reconnected. We can read your data again."))
                .body(containsString("Connected ✔"))
                .body(containsString("href=\"/connections/" + id + "/deauthorize\""))
                .body(not(containsString("/reconnect\"")));

        assertEquals("LINKED", Stored.status(id));
        assertEquals(1, Rows.count("connection", "company_id = ?1", company), "no second connection");
        assertNotEquals(before, linkedAt(id), "linked_at moves to the reconnect");
        assertEquals(200, SandboxJourney.dataApiStatus("xero", Stored.accessToken(id)), "new tokens that work");
        assertEquals(1, Rows.count(Stored.DATASET, "connection_id = ?1", id), "its data and history stay");
        assertEquals(
                1, Rows.count("audit_event", "connection_id = ?1 and type = 'RECONNECTED' and actor = ?2", id, email));
        assertEquals(1, Stored.events(id, "CONNECTED"));
        assertEquals(1, Stored.events(id, "DEAUTHORIZED"));
    }

    @Test
    void aConnectionThatNeedsReauthorizingIsLinkedAgainWithTheSameId() {
        Browser browser = new Browser();
        browser.signUp("Reauth Co");
        long id = SandboxJourney.connect(browser, "qonto");
        String oldAccess = Stored.accessToken(id);
        Rows.execute("update connection set status = 'REAUTH_REQUIRED' where id = ?1", id);
        browser.get("/connections/" + id)
                .then()
                .body(containsString("Needs reconnecting"))
                .body(containsString("no longer accepts our access"))
                .body(containsString("Reconnect Qonto"));

        Response back = SandboxJourney.reconnect(browser, id, "qonto", SandboxJourney.ALLOW);
        assertTrue(back.header("Location").endsWith("/connections/" + id));
        assertEquals("LINKED", Stored.status(id));
        String newAccess = Stored.accessToken(id);
        assertNotEquals(oldAccess, newAccess);
        assertEquals(200, SandboxJourney.dataApiStatus("qonto", "bank-accounts", newAccess));
        assertEquals(1, Stored.events(id, "RECONNECTED"));
    }

    @Test
    void denyingAReconnectLeavesTheConnectionAsItWas() {
        Browser browser = new Browser();
        browser.signUp("Reconnect Deny Co");
        long deauthorized = SandboxJourney.connect(browser, "xero");
        deauthorize(browser, deauthorized);
        Object linkedAt = linkedAt(deauthorized);

        Response back = SandboxJourney.reconnect(browser, deauthorized, "xero", SandboxJourney.DENY);
        assertTrue(back.header("Location").endsWith("/connections/" + deauthorized));
        browser.get("/connections/" + deauthorized)
                .then()
                .statusCode(200)
                .body(containsString("You cancelled, so nothing changed."))
                .body(containsString("Disconnected"));
        assertEquals("DEAUTHORIZED", Stored.status(deauthorized));
        assertEquals(linkedAt, linkedAt(deauthorized));
        assertEquals(0, Rows.count("connection", "id = ?1 and access_token_enc is not null", deauthorized));

        long reauth = SandboxJourney.connect(browser, "qonto");
        Rows.execute("update connection set status = 'REAUTH_REQUIRED' where id = ?1", reauth);
        Object tokenBefore = Rows.single("select access_token_enc from connection where id = ?1", reauth);
        SandboxJourney.reconnect(browser, reauth, "qonto", SandboxJourney.DENY);
        assertEquals("REAUTH_REQUIRED", Stored.status(reauth));
        assertEquals(tokenBefore, Rows.single("select access_token_enc from connection where id = ?1", reauth));
        assertEquals(0, Stored.events(deauthorized, "RECONNECTED") + Stored.events(reauth, "RECONNECTED"));
    }

    @Test
    void aLinkedConnectionHasNothingToReconnect() {
        Browser browser = new Browser();
        browser.signUp("Reconnect Linked Co");
        long id = SandboxJourney.connect(browser, "xero");
        long attempts = Rows.count("authorization_attempt", "connection_id = ?1", id);
        browser.get("/connections/" + id);
        Response answer = browser.post("/connections/" + id + "/reconnect", Map.of());
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").endsWith("/connections/" + id));
        assertEquals(attempts, Rows.count("authorization_attempt", "connection_id = ?1", id));
    }

    @Test
    void reconnectAsksForConsentWhenTheCurrentPolicyHasNone() {
        Browser browser = new Browser();
        String email = browser.signUp("Reconnect Consent Co");
        long company = Stored.companyOf(email);
        long id = SandboxJourney.connect(browser, "xero");
        deauthorize(browser, id);
        Rows.execute("delete from consent_record where company_id = ?1", company);

        browser.get("/connections/" + id).then().body(containsString("id=\"agree\""));
        Response refused = browser.post("/connections/" + id + "/reconnect", Map.of());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().asString().contains("Tick the box to confirm you agree"));
        assertEquals("DEAUTHORIZED", Stored.status(id));

        Response start = browser.post("/connections/" + id + "/reconnect", Map.of("agree", "yes"));
        assertEquals(303, start.statusCode());
        assertEquals(1, Rows.count("consent_record", "company_id = ?1", company));
    }

    @Test
    void onlyOneLinkedAccountingPlatformEvenWhenReconnecting() {
        Browser browser = new Browser();
        browser.signUp("Reconnect Accounting Co");
        long xero = SandboxJourney.connect(browser, "xero");
        deauthorize(browser, xero);
        long quickbooks = SandboxJourney.connect(browser, "quickbooks-online");
        assertNotNull(Stored.accessToken(quickbooks));

        browser.get("/connections/" + xero);
        Response refused = browser.post("/connections/" + xero + "/reconnect", Map.of());
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().asString().contains("already connected an accounting platform"));
        assertEquals("DEAUTHORIZED", Stored.status(xero));
    }
}
