package io.connectionportal.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * Markup kept for many views: a connection's card (DashboardResource.Card) is rendered once, two readers get the same
 * card, each with their own CSRF token in its forms, and the card changes as soon as what it shows does; a connection's
 * sync history likewise gains a new run at the next view. The landing a visitor not signed in sees is kept whole, per
 * language, with the same slots.
 */
@QuarkusTest
class KeptMarkupTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern CARD = Pattern.compile(
            "<li class=\"card connection-card\">(.*?)</li>\\s*(?=<li class=\"card|</ul>)", Pattern.DOTALL);

    @Inject
    SyncWorker worker;

    /** One owner signed in on two browsers (two CSRF cookies), with one synced Xero connection. */
    private record TwoBrowsers(Browser laptop, Browser phone, long id) {}

    private TwoBrowsers syncedOnTwoBrowsers(String companyName) {
        Browser laptop = new Browser();
        String email = laptop.signUp(companyName);
        long id = SandboxJourney.connect(laptop, "xero");
        worker.runPending();
        Browser phone = new Browser();
        phone.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD));
        return new TwoBrowsers(laptop, phone, id);
    }

    @Test
    void twoReadersOfOneCardEachGetTheirOwnTokenAndTheirFormsWork() {
        TwoBrowsers two = syncedOnTwoBrowsers("Kept Cards Co");
        Browser laptop = two.laptop();
        Browser phone = two.phone();
        long id = two.id();

        String onLaptop = laptop.get("/connections").body().asString();
        String onPhone = phone.get("/connections").body().asString();

        assertNotEquals(laptop.csrfToken(), phone.csrfToken(), "two browsers, two tokens");
        assertOnlyToken(onLaptop, laptop.csrfToken());
        assertOnlyToken(onPhone, phone.csrfToken());
        assertEquals(
                card(onLaptop).replace(laptop.csrfToken(), "TOKEN"),
                card(onPhone).replace(phone.csrfToken(), "TOKEN"),
                "the same card, but for its tokens");
        Response refreshed = phone.post("/connections/" + id + "/refresh", Map.of("back", "dashboard"));
        assertEquals(303, refreshed.statusCode(), "the phone's token from a kept card is accepted");
        assertEquals(1, Rows.count("sync_job", "connection_id = ?1 and trigger_type = 'MANUAL'", id));
    }

    @Test
    void aCardShowsWhatChangedAtTheNextView() {
        TwoBrowsers two = syncedOnTwoBrowsers("Changing Card Co");
        Browser laptop = two.laptop();
        Browser phone = two.phone();
        long id = two.id();
        String before = card(phone.get("/connections").body().asString());
        assertTrue(before.contains("/connections/" + id + "/deauthorize"), before);

        laptop.get("/connections");
        assertEquals(
                303,
                laptop.post("/connections/" + id + "/deauthorize", Map.of("back", "dashboard"))
                        .statusCode());

        String after = card(phone.get("/connections").body().asString());
        assertFalse(after.contains("/connections/" + id + "/deauthorize"), after);
        assertTrue(after.contains("<form method=\"post\" action=\"/connections/" + id + "/reconnect\">"), after);
        assertTrue(after.contains("value=\"" + phone.csrfToken() + "\""), after);
    }

    @Test
    void aConnectionsSyncHistoryGainsTheNewRunAtTheNextView() {
        Browser browser = new Browser();
        browser.signUp("Kept History Co");
        long id = SandboxJourney.connect(browser, "xero");
        worker.runPending();
        assertEquals(1, historyRows(browser.get("/connections/" + id).body().asString()));

        browser.post("/connections/" + id + "/refresh", Map.of());
        worker.runPending();

        String page = browser.get("/connections/" + id).body().asString();
        assertEquals(2, historyRows(page), page);
        assertTrue(page.contains("<td>On request</td>"), "the new run is the refresh: " + page);
    }

    @Test
    void theLandingIsKeptWholeForVisitorsButEachGetsTheirOwnTokenAndLanguage() {
        Browser first = new Browser();
        Browser second = new Browser();
        String toFirst = first.get("/").body().asString();
        String toSecond = second.get("/").body().asString();

        assertNotEquals(first.csrfToken(), second.csrfToken(), "two visitors, two tokens");
        assertFalse(toFirst.contains("<!--csrf-->"), "the language switcher's slot is filled");
        assertEquals(
                toFirst.replace(first.csrfToken(), "TOKEN"),
                toSecond.replace(second.csrfToken(), "TOKEN"),
                "the same page, but for its token");
        Response switched = second.post("/language", Map.of("lang", "fr", "next", "/"));
        assertEquals(303, switched.statusCode(), "the second visitor's token from the kept page is accepted");

        String inFrench = second.get("/").body().asString();
        assertTrue(inFrench.contains("<html lang=\"fr\">"), inFrench);
        assertTrue(inFrench.contains("value=\"" + second.csrfToken() + "\""), inFrench);
        assertTrue(
                first.get("/").body().asString().contains("<html lang=\"en\">"), "the first visitor's stays English");

        Browser signedIn = new Browser();
        signedIn.signUp("Kept Landing Co");
        String theirs = signedIn.get("/").body().asString();
        assertTrue(theirs.contains("href=\"/connections\""), "a signed-in reader gets their own page: " + theirs);
        assertTrue(theirs.contains("value=\"" + signedIn.csrfToken() + "\""), theirs);
    }

    private static int historyRows(String page) {
        int start = page.indexOf("<tbody>");
        int end = page.indexOf("</tbody>", start);
        assertTrue(start > 0 && end > start, page);
        return page.substring(start, end).split("<th scope=\"row\">", -1).length - 1;
    }

    private static void assertOnlyToken(String page, String token) {
        assertFalse(page.contains("<!--csrf-->"), "every slot filled");
        Matcher tokens = TOKEN.matcher(page);
        int forms = 0;
        while (tokens.find()) {
            assertEquals(token, tokens.group(1), "a form with another reader's token");
            forms++;
        }
        // The card's refresh and disconnect, the sign-out twice (wide and narrow menus), the language switcher.
        assertEquals(5, forms, page);
    }

    private static String card(String page) {
        Matcher card = CARD.matcher(page);
        assertTrue(card.find(), page);
        return card.group(1);
    }
}
