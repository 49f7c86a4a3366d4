package io.connectionportal.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.FrenchProviders;
import io.connectionportal.testing.RealConnections;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.TokenProvider;

/**
 * A real platform without a data client ({@value TokenProvider#PLATFORM}) is said plainly not to be read, on the
 * platform page, after connecting, on the dashboard and on the connection page, which offer no "Refresh now" and
 * promise no data; a platform whose data is read says nothing of the kind.
 */
@QuarkusTest
class PlatformWithoutDataClientTest {

    private static final String NOT_READ = "data is not read automatically yet";
    private static final String READABLE_PLATFORM = "cegid-loop";

    private static long linked(String email) {
        return RealConnections.linked(
                email,
                TokenProvider.PLATFORM,
                "at-" + UUID.randomUUID(),
                "rt-" + UUID.randomUUID(),
                Instant.now().plusSeconds(3600));
    }

    @Test
    void thePlatformPageSaysItsDataIsNotReadAndPromisesNothing() {
        Browser browser = new Browser();
        browser.signUp("Not Read Platform Co");
        String page = browser.get("/connect/platforms/" + TokenProvider.PLATFORM)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("id=\"not-read\""), page);
        assertTrue(page.contains("We do not read MYOB"), page);
        assertTrue(page.contains("What you allow us to access"));
        assertFalse(page.contains("What we will read"), "no promise of data it will not read");

        String readable = browser.get("/connect/platforms/" + READABLE_PLATFORM)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(readable.contains("What we will read"));
        assertFalse(readable.contains("id=\"not-read\""));
    }

    @Test
    void theConnectedDashboardAndConnectionPagesSayItPlainlyAndOfferNoRefresh() {
        Browser browser = new Browser();
        String email = browser.signUp("Not Read Connection Co");
        long id = linked(email);

        String connected = browser.get("/connect/connected/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(connected.contains("MYOB is connected; its data is not read automatically yet."), connected);
        assertFalse(connected.contains("We can now read the data"));

        String dashboard =
                browser.get("/connections").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains(NOT_READ), dashboard);

        String page = browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("id=\"not-read\""), page);
        assertTrue(page.contains(NOT_READ));
        assertFalse(page.contains("action=\"/connections/" + id + "/refresh\""), "no Refresh now");

        browser.post("/connections/" + id + "/refresh", Map.of()).then().statusCode(303);
        assertEquals(0, Rows.count("sync_job", "connection_id = ?1", id), "a stray refresh queues nothing");
        assertEquals(0, Rows.count("sync_run", "connection_id = ?1", id));
    }

    @Test
    void theNoticeIsInFrenchForAFrenchReader() {
        Browser browser = new Browser("fr");
        String email = browser.signUp("Pas Lue SARL");
        long id = linked(email);
        String page = browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("ne sont pas encore lues automatiquement"), page);
    }

    @Test
    void aKindOfDataTheClientDoesNotReadIsNotPromised() {
        Browser browser = new Browser();
        browser.signUp("Partly Read Platform Co");
        // The Pennylane client reads no financial statements; its stand-in platform is configured for real.
        String page = browser.get("/connect/platforms/" + FrenchProviders.PENNYLANE)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("What we will read"), page);
        assertTrue(page.contains("invoices"), page);
        assertFalse(page.contains("profit and loss and balance sheet"), "not read, so not promised");
        // In the sandbox the same kind is read, and promised.
        String sandbox = browser.get("/connect/platforms/pennylane").body().asString();
        assertTrue(sandbox.contains("profit and loss and balance sheet"));
    }

    @Test
    void aPlatformWhoseDataIsReadShowsNoSuchNotice() {
        Browser browser = new Browser();
        browser.signUp("Read Platform Co");
        long id = SandboxJourney.connect(browser, READABLE_PLATFORM);
        String page = browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(page.contains("id=\"not-read\""));
        assertFalse(browser.get("/connections").body().asString().contains(NOT_READ));
    }
}
