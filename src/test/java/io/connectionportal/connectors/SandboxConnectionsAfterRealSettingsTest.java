package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.RandomTokens;
import io.connectionportal.sync.SyncJobs;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.sync.Trigger;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.IndependentProvider;
import io.connectionportal.testing.RealConnections;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.tokens.TokenRefresher;

/**
 * A connection made in the sandbox before its platform ({@value IndependentProvider#PLATFORM}) was given real settings
 * keeps working through the sandbox, marked Sandbox: its token is refreshed, its data synced and its access revoked
 * there, never at the real provider; reconnecting it goes to the real provider, after which it counts as real.
 */
@QuarkusTest
class SandboxConnectionsAfterRealSettingsTest {

    private static final String PLATFORM = IndependentProvider.PLATFORM;

    @IndependentProvider.Server
    MockOAuth2Server realProvider;

    @Inject
    Connectors connectors;

    @Inject
    PlatformCatalog catalog;

    @Inject
    TokenRefresher refresher;

    @Inject
    SyncJobs syncJobs;

    @Inject
    SyncWorker syncWorker;

    /** How many requests the real provider received since last asked. */
    private int realProviderRequests() {
        int count = 0;
        while (true) {
            RecordedRequest request;
            try {
                request = realProvider.takeRequest(200, TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                return count;
            }
            if (request != null) {
                count++;
            }
        }
    }

    /** Authorizes at the sandbox emulating the platform, as the portal did before the platform had real settings. */
    private TokenSet sandboxTokens(Browser browser) throws ConnectorException {
        Connector sandbox = connectors.forConnection(catalog.find(PLATFORM).orElseThrow(), true);
        String verifier = Pkce.verifier();
        URI authorize = sandbox.authorizationUrl(RandomTokens.next(), Pkce.challenge(verifier));
        assertTrue(authorize.getPath().startsWith("/sandbox/" + PLATFORM + "/"), authorize.toString());
        Response back = SandboxJourney.answerAt(browser, authorize.toString(), PLATFORM, SandboxJourney.ALLOW);
        String code =
                IndependentProviderLifecycleTest.query(back.header("Location")).get("code");
        return sandbox.exchangeCode(code, verifier);
    }

    private static String page(Browser browser, long id) {
        return browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void aSandboxConnectionIsRefreshedSyncedAndRevokedInTheSandboxAndReconnectingMakesItReal() throws Exception {
        assertFalse(connectors.isSandbox(catalog.find(PLATFORM).orElseThrow()), "the platform has real settings");
        Browser browser = new Browser();
        String email = browser.signUp("Sandbox Before Real Co");
        long id = RealConnections.linkedInSandbox(email, PLATFORM, sandboxTokens(browser));
        realProviderRequests();

        String page = page(browser, id);
        assertTrue(page.contains("badge-sandbox"), "still marked Sandbox");
        browser.get("/connections").then().statusCode(200);

        // Refreshed by the job at the sandbox, which rotates the refresh token.
        String refresh1 = RealConnections.refreshToken(id);
        RealConnections.expiresAt(id, Instant.now().minusSeconds(1));
        refresher.runOnce();
        assertEquals("LINKED", RealConnections.status(id));
        assertNotEquals(refresh1, RealConnections.refreshToken(id), "refreshed (and rotated) by the sandbox");
        assertEquals(
                200,
                SandboxJourney.dataApiStatus(PLATFORM, RealConnections.accessToken(id)),
                "the new access token works at the sandbox");

        // Synced from the sandbox's data API.
        syncJobs.enqueue(id, Trigger.MANUAL);
        syncWorker.runPending();
        assertEquals(
                1, Rows.count("sync_run", "connection_id = ?1 and outcome = 'SUCCESS'", id), "the sandbox's data read");
        assertTrue(Rows.count("synced_record", "connection_id = ?1", id) > 0);
        page(browser, id);

        // Revoked at the sandbox.
        String access = RealConnections.accessToken(id);
        browser.get("/connections/" + id + "/deauthorize").then().statusCode(200);
        browser.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);
        assertEquals(2, Rows.count("revocation", "connection_id = ?1 and revoked_at is not null", id));
        assertEquals(401, SandboxJourney.dataApiStatus(PLATFORM, access), "the sandbox revoked it");
        assertEquals(0, realProviderRequests(), "the real provider heard nothing of the sandbox connection");
        assertTrue(page(browser, id).contains("id=\"revoked\""));

        // Reconnecting goes to the real provider; from then on the connection is real.
        Response again = browser.post("/connections/" + id + "/reconnect", Map.of("agree", "yes"));
        assertEquals(303, again.statusCode(), again.body().asString());
        assertTrue(
                again.header("Location")
                        .startsWith(
                                realProvider.authorizationEndpointUrl(PLATFORM).toString()),
                again.header("Location"));
        Response redirect = RestAssured.given()
                .urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get(again.header("Location"));
        assertEquals(302, redirect.statusCode());
        Response back = browser.get(SandboxJourney.path(redirect.header("Location")));
        assertEquals(303, back.statusCode(), back.body().asString());
        assertEquals("LINKED", RealConnections.status(id));
        assertEquals(false, Rows.single("select sandbox from connection where id = ?1", id), "now real");
        assertFalse(page(browser, id).contains("badge-sandbox"));
    }
}
