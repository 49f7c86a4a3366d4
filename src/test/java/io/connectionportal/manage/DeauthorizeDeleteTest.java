package io.connectionportal.manage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** Deauthorize and delete (M2) against the sandbox over HTTP: revoked at the provider, data kept or erased. */
@QuarkusTest
class DeauthorizeDeleteTest {

    @Test
    void deauthorizeRevokesAtTheProviderKeepsTheDataAndStopsUsingTheTokens() {
        Browser browser = new Browser();
        String email = browser.signUp("Deauthorize Co");
        long id = SandboxJourney.connect(browser, "xero");
        Stored.syncedData(id);
        String access = Stored.accessToken(id);
        String refresh = Stored.refreshToken(id);
        assertEquals(200, SandboxJourney.dataApiStatus("xero", access), "the token works before");

        browser.get("/connections").then().body(containsString("href=\"/connections/" + id + "\""));
        browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Connected ✔"))
                .body(containsString("href=\"/connections/" + id + "/deauthorize\""))
                .body(containsString("href=\"/connections/" + id + "/delete\""))
                .body(not(containsString("/reconnect\"")))
                .body(containsString("Consent given"))
                .body(containsString("by " + email));

        browser.get("/connections/" + id + "/deauthorize")
                .then()
                .statusCode(200)
                .body(containsString("Disconnect Xero?"))
                .body(containsString("What will stop working"))
                .body(containsString("there are no more updates"))
                .body(containsString("Lendwell no longer sees new figures from Xero"))
                .body(containsString("What happens to your data"))
                .body(containsString("The data read so far is kept"))
                .body(containsString("You can delete it later"))
                .body(containsString("action=\"/connections/" + id + "/deauthorize\""))
                .body(containsString("name=\"csrf-token\""));
        Response done = browser.post("/connections/" + id + "/deauthorize", Map.of());
        assertEquals(303, done.statusCode(), done.body().asString());
        assertTrue(done.header("Location").endsWith("/connections/" + id));

        assertEquals("DEAUTHORIZED", Stored.status(id));
        assertEquals(
                0,
                Rows.count(
                        "connection",
                        "id = ?1 and (access_token_enc is not null or refresh_token_enc is not null)",
                        id),
                "the tokens are gone from the connection");
        assertEquals(
                401, SandboxJourney.dataApiStatus("xero", access), "the sandbox no longer accepts the access token");
        Response refused = SandboxJourney.refresh("xero", refresh);
        assertEquals(400, refused.statusCode());
        assertEquals("invalid_grant", refused.jsonPath().getString("error"), "the grant ended at the provider");
        assertEquals(1, Rows.count(Stored.DATASET, "connection_id = ?1", id), "the synced data is kept");
        assertEquals(
                2, Rows.count("revocation", "connection_id = ?1 and revoked_at is not null and token_enc is null", id));
        assertEquals(
                1, Rows.count("audit_event", "connection_id = ?1 and type = 'DEAUTHORIZED' and actor = ?2", id, email));
        assertEquals(1, Stored.events(id, "REVOKED"));
        assertEquals(0, Stored.events(id, "REVOCATION_PENDING"));

        browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Disconnected. We no longer read new data"))
                .body(containsString("Disconnected"))
                .body(containsString("Xero confirmed on"))
                .body(not(containsString("id=\"revocation-pending\"")))
                .body(containsString("action=\"/connections/" + id + "/reconnect\""))
                .body(not(containsString("href=\"/connections/" + id + "/deauthorize\"")))
                .body(containsString("Disconnected"))
                .body(containsString("Disconnected at the platform"))
                .body(not(containsString("Access revoked by the platform")));

        // Again: nothing more to do, nothing recorded twice.
        browser.get("/connections/" + id + "/deauthorize").then().statusCode(303);
        browser.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);
        assertEquals(1, Stored.events(id, "DEAUTHORIZED"));
    }

    @Test
    void deleteRevokesFirstThenErasesEveryRowOfTheConnectionButItsAuditTrail() {
        Browser browser = new Browser();
        String email = browser.signUp("Delete Co");
        long id = SandboxJourney.connect(browser, "xero");
        Stored.syncedData(id);
        String access = Stored.accessToken(id);
        String refresh = Stored.refreshToken(id);

        browser.confirmPassword();
        browser.get("/connections/" + id + "/delete")
                .then()
                .statusCode(200)
                .body(containsString("Delete Xero and its data?"))
                .body(containsString("This cannot be undone."))
                .body(containsString("What will stop working"))
                .body(containsString("We first ask Xero to revoke our access"))
                .body(containsString("What happens to your data"))
                .body(containsString("all data read from Xero are erased"))
                .body(containsString("Only a record that it existed and was deleted"))
                .body(containsString("action=\"/connections/" + id + "/delete\""));
        Response done = browser.post("/connections/" + id + "/delete", Map.of());
        assertEquals(303, done.statusCode(), done.body().asString());
        assertTrue(done.header("Location").endsWith("/connections"));
        browser.get("/connections")
                .then()
                .body(containsString("The connection and its data are deleted."))
                .body(not(containsString("href=\"/connections/" + id + "\"")));

        assertEquals(401, SandboxJourney.dataApiStatus("xero", access));
        assertEquals(
                "invalid_grant",
                SandboxJourney.refresh("xero", refresh).jsonPath().getString("error"));

        assertEquals(0, Rows.count("connection", "id = ?1", id));
        assertEquals(0, Rows.count("authorization_attempt", "connection_id = ?1", id));
        List<String> tables = Stored.tablesWithConnectionId();
        assertTrue(
                tables.contains("AUTHORIZATION_ATTEMPT") && tables.contains(Stored.DATASET.toUpperCase()),
                tables.toString());
        for (String table : tables) {
            assertEquals(
                    0, Rows.count(table, "connection_id = ?1", id), "rows of the deleted connection left in " + table);
        }

        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "connection_id = ?1 and type = 'DELETED' and actor = ?2 and platform_key = 'xero'",
                        id,
                        email),
                "the tombstone");
        assertEquals(1, Stored.events(id, "CONNECTED"), "the history stays");
        long revoked = ((Number)
                        Rows.single("select id from audit_event where connection_id = ?1 and type = 'REVOKED'", id))
                .longValue();
        long deleted = ((Number)
                        Rows.single("select id from audit_event where connection_id = ?1 and type = 'DELETED'", id))
                .longValue();
        assertTrue(revoked < deleted, "revoked before the data was erased");
        assertEquals(
                0,
                Rows.count("revocation", "connection_id = ?1 and (revoked_at is null or token_enc is not null)", id));

        browser.get("/connections/" + id).then().statusCode(404);
        browser.get("/connections/" + id + "/delete").then().statusCode(404);
        browser.post("/connections/" + id + "/delete", Map.of()).then().statusCode(404);
        assertEquals(1, Stored.events(id, "DELETED"));
    }

    @Test
    void aPendingConnectionCanBeDeletedToo() {
        Browser browser = new Browser();
        String email = browser.signUp("Delete Pending Co");
        browser.get("/connect/platforms/qonto");
        browser.post("/connect/platforms/qonto", Map.of("agree", "yes")).then().statusCode(303);
        long id = ((Number) Rows.single(
                        "select c.id from connection c join app_user u on u.company_id = c.company_id"
                                + " where u.email = ?1",
                        email))
                .longValue();
        browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Not finished"))
                .body(not(containsString("/deauthorize\"")));
        browser.confirmPassword();
        browser.get("/connections/" + id + "/delete");
        browser.post("/connections/" + id + "/delete", Map.of()).then().statusCode(303);
        assertEquals(0, Rows.count("connection", "id = ?1", id));
        assertEquals(0, Rows.count("authorization_attempt", "connection_id = ?1", id));
        assertEquals(0, Rows.count("revocation", "connection_id = ?1", id), "no token, nothing to revoke");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRejectedAndChangeNothing() {
        Browser browser = new Browser();
        browser.signUp("Csrf Co");
        long id = SandboxJourney.connect(browser, "xero");
        String access = Stored.accessToken(id);
        for (String action : List.of("deauthorize", "delete", "reconnect")) {
            Response rejected = browser.request()
                    .contentType("application/x-www-form-urlencoded")
                    .formParams(Map.of("agree", "yes"))
                    .post("/connections/" + id + "/" + action);
            assertEquals(400, rejected.statusCode(), action);
            assertTrue(rejected.body().asString().contains("<html"), "the form-expired page for " + action);
        }
        assertEquals("LINKED", Stored.status(id));
        assertNotNull(Stored.accessToken(id));
        assertEquals(0, Rows.count("revocation", "connection_id = ?1", id));
        assertEquals(200, SandboxJourney.dataApiStatus("xero", access));
        assertNull(Rows.single(
                "select max(id) from audit_event where connection_id = ?1 and type in ('DEAUTHORIZED', 'DELETED')",
                id));
    }
}
