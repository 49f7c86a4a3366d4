package io.connectionportal.manage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.SandboxJourney;

/**
 * The connection page in the order a user reads it (issue 13, point 10): status, data and updates with Refresh as the
 * secondary action, activity, and last a danger zone whose Delete is outlined; an unfinished attempt offers to finish.
 */
@QuarkusTest
class ConnectionPageTest {

    @Inject
    SyncWorker worker;

    @Test
    void statusThenDataThenActivityThenTheDangerZone() {
        Browser browser = new Browser();
        browser.signUp("Reading Order Co");
        long id = SandboxJourney.connect(browser, "xero");
        worker.runPending();

        String page = browser.get("/connections/" + id).body().asString();

        int status = page.indexOf("id=\"status-title\"");
        int data = page.indexOf("id=\"sync-title\">Data and updates<");
        int activity = page.indexOf("id=\"audit-title\"");
        int danger = page.indexOf("id=\"danger-title\">Disconnect or delete<");
        assertTrue(status > 0 && status < data && data < activity && activity < danger, page);
        int refresh = page.indexOf("id=\"refresh\"");
        assertTrue(data < refresh && refresh < activity, "Refresh sits with the data");
        assertTrue(page.contains("<button type=\"submit\" class=\"button\" id=\"refresh\">Refresh now</button>"), page);
        assertTrue(page.contains("class=\"button button-danger-outline\" id=\"delete\""), "Delete is outlined");
        assertTrue(page.indexOf(">Disconnect</a>") > danger, "Disconnect is in the danger zone");
        assertTrue(
                page.indexOf("company details: ") < page.indexOf("invoices: ")
                        && page.indexOf("invoices: ") < page.indexOf("bills: "),
                "the update history lists the data types in their order");
    }

    @Test
    void anUnfinishedAttemptOffersToFinishAndNamesNobodyAsConnector() {
        Browser browser = new Browser();
        browser.signUp("Unfinished Page Co");
        browser.get("/connect/platforms/qonto");
        browser.post("/connect/platforms/qonto", Map.of("agree", "yes"));
        String dashboard = browser.get("/connections").body().asString();
        java.util.regex.Matcher id =
                java.util.regex.Pattern.compile("href=\"/connections/(\\d+)\"").matcher(dashboard);
        assertTrue(id.find(), dashboard);

        String page = browser.get("/connections/" + id.group(1)).body().asString();

        assertTrue(page.contains("id=\"finish\" href=\"/connect/platforms/qonto\""), page);
        assertTrue(page.contains("Finish connecting Qonto"), page);
        assertFalse(page.contains("Connected by"), page);
        assertFalse(page.contains(">Disconnect</a>"), "nothing to disconnect yet");
    }
}
