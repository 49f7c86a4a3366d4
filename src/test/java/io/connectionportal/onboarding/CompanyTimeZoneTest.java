package io.connectionportal.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * Dates in the reader's language and the company's time zone (issue 13, point 7): guessed when the company is created,
 * chosen once on the company page, never another company's.
 */
@QuarkusTest
class CompanyTimeZoneTest {

    /** 30 November 2026, 19:33:28 UTC. */
    private static final Instant LINKED = Instant.parse("2026-11-30T19:33:28Z");

    private static final String DATETIME = "datetime=\"2026-11-30T19:33:28Z\"";

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    private static String zoneOf(long company) {
        return (String) Rows.single("select time_zone from company where id = ?1", company);
    }

    /** Signs up, connects Xero through the sandbox and dates its link at {@link #LINKED}. */
    private static long connectedAt(Browser browser, String name) {
        long company = companyOf(browser.signUp(name));
        long connection = SandboxJourney.connect(browser, "xero");
        Rows.execute("update connection set linked_at = ?1 where id = ?2", LINKED, connection);
        return company;
    }

    @Test
    void aFrenchCompanyReadsFrenchDatesInParisTime() {
        Browser browser = new Browser("fr");
        long company = connectedAt(browser, "Horloge Française SARL");
        assertEquals("Europe/Paris", zoneOf(company), "guessed from the language of the sign-up");
        String page = browser.get("/connections").body().asString();
        assertTrue(page.contains("<time " + DATETIME + ">30 nov. 2026, 20:33</time>"), page);
        assertFalse(page.contains(" UTC<"), "no longer UTC with seconds");
    }

    @Test
    void anEnglishCompanyReadsEnglishDatesInLondonTimeUntilItChoosesAnother() {
        Browser browser = new Browser("en");
        long company = connectedAt(browser, "Clockwork Ltd");
        assertEquals("Europe/London", zoneOf(company));
        assertTrue(browser.get("/connections")
                .body()
                .asString()
                .contains("<time " + DATETIME + ">30 Nov 2026, 19:33</time>"));

        String form = browser.get("/company").body().asString();
        assertTrue(form.contains("<option value=\"Europe/London\" selected>"), "the company's zone is chosen");
        assertTrue(form.contains("<option>Asia/Tokyo</option>"), "every zone is offered");
        Response saved = browser.post("/company", Map.of("legalName", "Clockwork Ltd", "timeZone", "America/New_York"));
        assertEquals(303, saved.statusCode());
        assertEquals("America/New_York", zoneOf(company));

        assertTrue(browser.get("/connections")
                .body()
                .asString()
                .contains("<time " + DATETIME + ">30 Nov 2026, 14:33</time>"));
        assertTrue(browser.get("/company").body().asString().contains("<option value=\"America/New_York\" selected>"));
    }

    @Test
    void aZoneThatIsNotInTheListIsRefusedInlineWithWhatWasEnteredKept() {
        Browser browser = new Browser("en");
        long company = companyOf(browser.signUp("Bad Zone Ltd"));
        browser.get("/company");
        Response refused =
                browser.post("/company", Map.of("legalName", "Bad Zone Trading Ltd", "timeZone", "Mars/Olympus_Mons"));
        assertEquals(400, refused.statusCode());
        String page = refused.body().asString();
        assertTrue(page.contains("href=\"#timeZone\""), "in the error summary");
        assertTrue(page.contains("id=\"timeZone-error\""), "inline");
        assertTrue(page.contains("Choose a time zone from the list"));
        assertTrue(page.contains("<option value=\"Mars/Olympus_Mons\" selected>"), "the value sent is kept");
        assertTrue(page.contains("value=\"Bad Zone Trading Ltd\""), "and the other fields");
        assertEquals("Europe/London", zoneOf(company), "nothing saved");
        assertEquals(0, Rows.count("company_profile", "company_id = ?1", company));
    }

    @Test
    void choosingAZoneChangesNoOtherCompany() {
        Browser other = new Browser("fr");
        long otherCompany = connectedAt(other, "Voisin SARL");

        Browser browser = new Browser("en");
        long company = companyOf(browser.signUp("Chooser Ltd"));
        browser.get("/company");
        Response saved = browser.post(
                "/company",
                Map.of(
                        "legalName",
                        "Chooser Ltd",
                        "timeZone",
                        "Asia/Tokyo",
                        "companyId",
                        String.valueOf(otherCompany)));
        assertEquals(303, saved.statusCode());
        assertEquals("Asia/Tokyo", zoneOf(company));
        assertEquals("Europe/Paris", zoneOf(otherCompany));
        assertTrue(other.get("/connections")
                .body()
                .asString()
                .contains("<time " + DATETIME + ">30 nov. 2026, 20:33</time>"));
    }

    @Test
    void recentActivityReadsRelativelyWithTheExactTimeAsTitle() {
        Browser browser = new Browser("fr");
        companyOf(browser.signUp("Activité Récente SARL"));
        SandboxJourney.connect(browser, "xero");
        String page = browser.get("/activity").body().asString();
        assertTrue(
                page.matches("(?s).*<time datetime=\"[0-9T:-]+Z\" title=\"\\d{1,2} [a-zéû.]+ \\d{4}, \\d\\d:\\d\\d\">"
                        + "(à l’instant|il y a \\d+ minutes?)</time>.*"),
                page);
    }
}
