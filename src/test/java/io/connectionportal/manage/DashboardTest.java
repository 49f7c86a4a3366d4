package io.connectionportal.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * The dashboard's cards and states (issue 13, points 8 and 11): each card carries its own actions, an unfinished
 * attempt offers to finish it, and a new company sees an empty state rather than exports of data it does not have.
 */
@QuarkusTest
class DashboardTest {

    private static final Pattern CARD = Pattern.compile(
            "<li class=\"card connection-card\">(.*?)</li>\\s*(?=<li class=\"card|</ul>)", Pattern.DOTALL);

    @Inject
    SyncWorker worker;

    @Test
    void aNewCompanySeesAnEmptyStateThatInvitesToConnect() {
        Browser browser = new Browser();
        browser.signUp("Empty Dashboard Co");

        String page = browser.get("/connections").body().asString();

        assertTrue(page.contains("id=\"empty-state\""), page);
        assertTrue(page.contains("Nothing is connected yet."), page);
        assertTrue(page.contains(">Connect a platform</a>"), page);
        assertFalse(page.contains("Connect another platform"), "nothing to add another to");
        assertFalse(page.contains(".csv\""), "no export of data that does not exist");
        assertFalse(page.contains("href=\"/connections/export\""), page);
        assertTrue(page.contains("id=\"export-empty\""), page);
    }

    @Test
    void aLinkedCardCarriesRefreshAndDisconnectAsFormsAndTheFaqPointsToIt() {
        Browser browser = new Browser();
        browser.signUp("Card Actions Co");
        long id = SandboxJourney.connect(browser, "xero");
        worker.runPending();

        String page = browser.get("/connections").body().asString();
        String card = onlyCard(page);
        assertTrue(card.contains("<form method=\"post\" action=\"/connections/" + id + "/refresh\">"), card);
        assertTrue(card.contains("<form method=\"post\" action=\"/connections/" + id + "/deauthorize\">"), card);
        assertEquals(2, count(card, "name=\"csrf-token\""), "a token in each form");
        assertTrue(card.contains(">Refresh</button>") && card.contains(">Disconnect</button>"), card);
        assertTrue(page.contains("Connect another platform"), page);
        // Only the kinds of data the company holds can be downloaded.
        assertTrue(page.contains("href=\"/connections/export/invoices.csv\""), page);
        assertFalse(page.contains("href=\"/connections/export/orders.csv\""), page);
        // The FAQ names the button that exists.
        assertTrue(browser.get("/faq").body().asString().contains("press Disconnect on the platform"));

        Response refreshed = browser.post("/connections/" + id + "/refresh", Map.of("back", "dashboard"));
        assertEquals(303, refreshed.statusCode());
        assertTrue(refreshed.header("Location").endsWith("/connections"), refreshed.header("Location"));
        assertEquals(1, Rows.count("sync_job", "connection_id = ?1 and trigger_type = 'MANUAL'", id));

        browser.get("/connections");
        Response disconnected = browser.post("/connections/" + id + "/deauthorize", Map.of("back", "dashboard"));
        assertEquals(303, disconnected.statusCode());
        assertTrue(disconnected.header("Location").endsWith("/connections"), disconnected.header("Location"));
        assertEquals("DEAUTHORIZED", Rows.single("select status from connection where id = ?1", id));
        String after = onlyCard(browser.get("/connections").body().asString());
        assertTrue(after.contains("<span class=\"badge\">Disconnected</span>"), after);
        assertTrue(after.contains("action=\"/connections/" + id + "/reconnect\""), "Reconnect on the card");
        assertFalse(after.contains(">Disconnect</button>"), after);
    }

    @Test
    void anotherCompanyCannotActOnACardItDoesNotOwn() {
        Browser owner = new Browser();
        owner.signUp("Card Owner Co");
        long id = SandboxJourney.connect(owner, "xero");
        Browser other = new Browser();
        other.signUp("Card Intruder Co");
        other.get("/connections");

        assertEquals(
                404,
                other.post("/connections/" + id + "/deauthorize", Map.of("back", "dashboard"))
                        .statusCode());
        assertEquals(
                404,
                other.post("/connections/" + id + "/refresh", Map.of("back", "dashboard"))
                        .statusCode());
        assertEquals("LINKED", Rows.single("select status from connection where id = ?1", id));
    }

    @Test
    void abandonedAttemptsShowOnceAndOfferToFinish() {
        Browser browser = new Browser();
        long company = Stored.companyOf(browser.signUp("Abandoned Attempts Co"));
        for (int i = 0; i < 3; i++) {
            browser.get("/connect/platforms/qonto");
            browser.post("/connect/platforms/qonto", Map.of("agree", "yes"));
        }
        assertEquals(3, Rows.count("connection", "company_id = ?1 and status = 'PENDING_AUTH'", company));

        String page = browser.get("/connections").body().asString();

        assertEquals(1, count(page, "class=\"card connection-card\""), "only the newest unfinished attempt");
        String card = onlyCard(page);
        assertTrue(card.contains("Not finished"), card);
        assertTrue(card.contains("href=\"/connect/platforms/qonto\"") && card.contains(">Finish connecting</a>"), card);
        assertFalse(card.contains("Connected by"), card);
        assertFalse(card.contains(">Disconnect</button>"), card);
    }

    @Test
    void anAttemptDisappearsOnceThePlatformIsConnected() {
        Browser browser = new Browser();
        browser.signUp("Finished Later Co");
        browser.get("/connect/platforms/xero");
        browser.post("/connect/platforms/xero", Map.of("agree", "yes"));
        SandboxJourney.connect(browser, "xero");

        String page = browser.get("/connections").body().asString();

        assertEquals(1, count(page, "class=\"card connection-card\""), page);
        assertFalse(page.contains("Finish connecting"), page);
    }

    @Test
    void frenchCardsUseRelierAndDissocier() {
        Browser browser = new Browser("fr");
        browser.signUp("Cartes Françaises");
        SandboxJourney.connect(browser, "xero");

        String page = browser.get("/connections").body().asString();

        assertTrue(page.contains(">Dissocier</button>"), page);
        assertTrue(page.contains("Relier une autre plateforme"), page);
        assertTrue(page.contains("Reliée le"), page);
        assertFalse(page.contains("Connecter"), "se connecter is for signing in only");
        assertFalse(page.contains("Déconnect"), page);
        // One kind of data connected reads in the singular, as French wants it.
        assertTrue(page.contains("un type de données sur 3 est relié"), page);
    }

    private static String onlyCard(String page) {
        Matcher card = CARD.matcher(page);
        assertTrue(card.find(), page);
        return card.group(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
