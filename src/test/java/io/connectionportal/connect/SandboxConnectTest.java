package io.connectionportal.connect;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** The whole connect journey against the built-in sandbox, reached over HTTP like any provider. */
@QuarkusTest
class SandboxConnectTest {

    private static String path(String url) {
        return SandboxJourney.path(url);
    }

    /** Starts connecting Xero and answers the sandbox's consent screen; returns the sandbox's redirect. */
    private static Response connectXero(Browser browser, String decision) {
        return SandboxJourney.answer(browser, "xero", decision);
    }

    @Test
    void allowAtTheSandboxLinksTheConnection() {
        Browser browser = new Browser();
        String email = browser.signUp("Sandbox Allow Co");

        Response back = connectXero(browser, "allow");
        assertEquals(303, back.statusCode(), back.body().asString());
        assertTrue(back.header("Location").contains("/connect/callback?"));
        assertTrue(back.header("Location").contains("iss="), "RFC 9207 issuer in the response");

        Response callback = browser.get(path(back.header("Location")));
        assertEquals(303, callback.statusCode(), callback.body().asString());
        browser.get(path(callback.header("Location")))
                .then()
                .statusCode(200)
                .body(containsString("Xero is connected"))
                .body(containsString("Connect another platform"))
                .body(containsString("href=\"/connections\""));

        assertEquals(
                1,
                Rows.count(
                        "connection c join app_user u on u.company_id = c.company_id",
                        "u.email = ?1 and c.platform_key = 'xero' and c.status = 'LINKED' and c.sandbox = true",
                        email));
        browser.get("/connect/platforms").then().body(containsString("Connected ✔"));
        browser.get("/connect").then().body(containsString("1 of 3 kinds of data connected"));
    }

    @Test
    void thePickersKeptListShowsEachCompanyOnlyItsOwnBadges() {
        Browser before = new Browser();
        before.signUp("Kept List Before Co");
        String untouched = before.get("/connect/platforms").body().asString();
        assertTrue(untouched.contains("href=\"/connect/platforms/xero\""));

        Browser connected = new Browser();
        connected.signUp("Kept List Connected Co");
        connected.get(path(connectXeroAndFollow(connected)));
        String own = connected.get("/connect/platforms").body().asString();
        assertTrue(own.contains("Connected ✔"), "the company's own connection changes its list at once");
        assertTrue(own.contains("You already connected an accounting platform."));

        String other = before.get("/connect/platforms").body().asString();
        assertFalse(other.contains("Connected ✔"), "another company's badge never shows");
        assertFalse(other.contains("You already connected an accounting platform."));
        assertEquals(main(untouched), main(other), "the same list as before the other company connected");
    }

    @Test
    void denyAtTheSandboxCancelsAndStoresNothing() {
        Browser browser = new Browser();
        String email = browser.signUp("Sandbox Deny Co");

        Response back = connectXero(browser, "deny");
        assertEquals(303, back.statusCode());
        assertTrue(back.header("Location").contains("error=access_denied"));

        Response callback = browser.get(path(back.header("Location")));
        assertEquals(303, callback.statusCode());
        browser.get(path(callback.header("Location")))
                .then()
                .body(containsString("You cancelled at Xero: nothing was shared."));
        assertEquals(
                0, Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", email));
        assertEquals(
                0,
                Rows.count(
                        "authorization_attempt a join app_user u on u.company_id = a.company_id",
                        "u.email = ?1",
                        email));
    }

    @Test
    void anAttemptInProgressShowsAsPending() {
        Browser browser = new Browser();
        browser.signUp("Sandbox Pending Co");
        browser.get("/connect/platforms/qonto");
        browser.post("/connect/platforms/qonto", Map.of("agree", "yes")).then().statusCode(303);
        browser.get("/connect/platforms?q=qonto").then().body(containsString("Not finished"));
    }

    @Test
    void onlyOneAccountingConnectionButSeveralBanks() {
        Browser browser = new Browser();
        browser.signUp("Sandbox Many Co");
        browser.get(path(connectXeroAndFollow(browser)));

        Response second = browser.submit(
                "/connect/platforms/quickbooks-online", "/connect/platforms/quickbooks-online", Map.of());
        assertEquals(409, second.statusCode());
        assertTrue(second.body().asString().contains("already connected an accounting platform"));
        browser.get("/connect/platforms?category=accounting")
                .then()
                .body(containsString("You already connected an accounting platform."));
    }

    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    private static String connectXeroAndFollow(Browser browser) {
        Response back = connectXero(browser, "allow");
        return browser.get(path(back.header("Location"))).header("Location");
    }

    @Test
    void thePickerSearchesWithoutJavaScriptAndExplainsTheRedirect() {
        Browser browser = new Browser();
        browser.signUp("Sandbox Search Co");
        browser.get("/connect/platforms?q=xero")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/connect/platforms/xero\""))
                .body(containsString("1 platform<"))
                // Said once for the page, not as a badge on every card.
                .body(containsString("class=\"notice notice-sandbox\""))
                .body(not(containsString("badge-sandbox")))
                // A search is an answer: the popular shortcuts are for browsing.
                .body(not(containsString("popular-platforms")));
        String typo = browser.get("/connect/platforms?q=quikbooks").body().asString();
        assertTrue(typo.contains("href=\"/connect/platforms/quickbooks-online\""), "a typo is forgiven");
        assertTrue(typo.contains("2 platforms<"), "QuickBooks Online and Desktop");
        String accents =
                browser.get("/connect/platforms?q=credit%20agricole").body().asString();
        assertTrue(accents.contains("href=\"/connect/platforms/credit-agricole\""), "accents are ignored");
        String all = browser.get("/connect/platforms").body().asString();
        assertTrue(
                all.indexOf(">Accounting") < all.indexOf(">Banking")
                        && all.indexOf(">Banking") < all.indexOf(">Commerce"),
                "grouped by category");
        assertTrue(all.contains("href=\"/connect/upload\""));
        assertTrue(all.contains("href=\"/connect/request-integration\""));
        assertTrue(all.contains("href=\"/connect/share\""));
        browser.get("/connect/platforms?q=zzzz").then().body(containsString("No platform matches"));
        browser.get("/connect/platforms/not-a-platform").then().statusCode(404);
    }
}
