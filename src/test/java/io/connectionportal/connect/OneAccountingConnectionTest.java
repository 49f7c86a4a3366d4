package io.connectionportal.connect;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * "One linked accounting connection per company" holds where a connection becomes LINKED, not only on
 * the pages: two accounting platforms authorized side by side end with one linked and the other refused.
 */
@QuarkusTest
class OneAccountingConnectionTest {

    @Test
    void theSecondAccountingPlatformAuthorizedAtTheSameTimeIsRefusedAtTheCallback() {
        Browser browser = new Browser();
        String email = browser.signUp("Two Ledgers Co");
        // Both redirects are handed out while no accounting platform is linked yet, as in two tabs.
        String intacct = startAt(browser, "sage-intacct");
        String desktop = startAt(browser, "quickbooks-desktop");
        long openGrantsBefore = openGrants("quickbooks-desktop");

        Response first = SandboxJourney.atProvider(browser, intacct, "sage-intacct", SandboxJourney.ALLOW);
        assertTrue(first.header("Location").contains("/connect/connected/"), first.header("Location"));

        Response second = callbackOf(browser, desktop, "quickbooks-desktop");
        assertEquals(409, second.statusCode());
        assertTrue(second.body().asString().contains("already connected an accounting platform"));

        assertEquals(
                1,
                Rows.count(
                        "connection c join app_user u on u.company_id = c.company_id",
                        "u.email = ?1 and c.category = 'ACCOUNTING' and c.status = 'LINKED'",
                        email));
        assertEquals(
                0,
                Rows.count(
                        "connection c join app_user u on u.company_id = c.company_id",
                        "u.email = ?1 and c.platform_key = 'quickbooks-desktop'",
                        email),
                "the refused connection leaves nothing");
        assertEquals(
                openGrantsBefore, openGrants("quickbooks-desktop"), "the grant it received is revoked at the provider");
        browser.get("/connections").then().body(containsString("Sage Intacct"));
    }

    @Test
    void aBankIsNeverBlockedByTheAccountingRule() {
        Browser browser = new Browser();
        browser.signUp("Ledger And Banks Co");
        String ledger = startAt(browser, "sage-intacct");
        String bank = startAt(browser, "qonto");
        SandboxJourney.atProvider(browser, ledger, "sage-intacct", SandboxJourney.ALLOW);

        Response back = SandboxJourney.atProvider(browser, bank, "qonto", SandboxJourney.ALLOW);
        assertTrue(back.header("Location").contains("/connect/connected/"), back.header("Location"));
    }

    /** Agrees and presses Continue on the platform page; returns the provider's authorization URL. */
    private static String startAt(Browser browser, String platformKey) {
        Response start = browser.submit(
                "/connect/platforms/" + platformKey, "/connect/platforms/" + platformKey, Map.of("agree", "yes"));
        assertEquals(303, start.statusCode(), start.body().asString());
        return start.header("Location");
    }

    /** Allows at the sandbox and returns the portal's answer to the callback, whatever its status. */
    private static Response callbackOf(Browser browser, String authorizeUrl, String platformKey) {
        Response redirect = SandboxJourney.answerAt(browser, authorizeUrl, platformKey, SandboxJourney.ALLOW);
        return browser.get(SandboxJourney.path(redirect.header("Location")));
    }

    private static long openGrants(String platformKey) {
        return Rows.count("sandbox_grant", "platform = ?1 and revoked_at is null", platformKey);
    }
}
