package io.connectionportal.consent;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** Each consent records the page and control that gave it, with the policy version; the export and pages show it. */
@QuarkusTest
class ConsentSourceTest {

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    private static String sourceOf(long company, String categories) {
        return (String) Rows.single(
                "select source from consent_record where company_id = ?1 and categories = ?2 and kind = 'GIVEN'"
                        + " order by id desc limit 1",
                company,
                categories);
    }

    @Test
    void eachPageWithAnAgreeBoxRecordsItsOwnSource() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Source Co"));

        browser.submit("/connect/consent", "/connect/consent", Map.of("category", "commerce", "agree", "yes"))
                .then()
                .statusCode(303);
        assertEquals("consent-page/agree-checkbox", sourceOf(company, "commerce"));

        long xero = SandboxJourney.connect(browser, "xero");
        assertEquals("platform-page/agree-checkbox", sourceOf(company, "accounting"));

        browser.get("/privacy/withdraw/accounting");
        browser.post("/privacy/withdraw/accounting", Map.of()).then().statusCode(303);
        assertEquals(
                "privacy-withdraw/confirm-button",
                Rows.single("select source from consent_record where company_id = ?1 and kind = 'WITHDRAWN'", company));
        SandboxJourney.reconnect(browser, xero, "xero", SandboxJourney.ALLOW);
        assertEquals("reconnect/agree-checkbox", sourceOf(company, "accounting"));
        assertEquals(
                0,
                Rows.count("consent_record", "company_id = ?1 and policy_version <> '2026-11'", company),
                "every record keeps the policy version");
    }

    @Test
    void theExportAndTheConsentPagesShowHowEachConsentWasGiven() {
        Browser browser = new Browser();
        browser.signUp("Source Export Co");
        browser.submit("/connect/consent", "/connect/consent", Map.of("category", "banking", "agree", "yes"));

        browser.get("/connect/consent").then().body(containsString("Recorded from: the consent step"));
        browser.get("/privacy").then().body(containsString("Recorded from: the consent step"));

        browser.confirmPassword();
        JsonPath export = browser.get("/connections/export").jsonPath();
        assertEquals("consent-page/agree-checkbox", export.getString("consents[0].source"));
        assertEquals("GIVEN", export.getString("consents[0].kind"));
        assertEquals("2026-11", export.getString("consents[0].policyVersion"));
        assertEquals("banking", export.getString("consents[0].categories"));
    }

    @Test
    void consentsRecordedBeforeSourcesExistedSayTheSourceIsUnknown() {
        Browser browser = new Browser();
        String email = browser.signUp("Source Legacy Co");
        long company = companyOf(email);
        // As a row written before this version: no source, no kind.
        Rows.execute(
                "insert into consent_record (company_id, user_id, policy_version, categories, given_at, ip_address,"
                        + " user_agent) values (?1, (select id from app_user where email = ?2), '2026-11', 'banking',"
                        + " ?3, '127.0.0.1', 'Legacy/1.0')",
                company,
                email,
                OffsetDateTime.parse("2026-01-01T00:00:00Z"));

        assertEquals("legacy/unknown", sourceOf(company, "banking"));
        assertEquals("GIVEN", Rows.single("select kind from consent_record where company_id = ?1", company));
        String page = browser.get("/privacy").body().asString();
        assertTrue(page.contains("href=\"/privacy/withdraw/banking\""), "a legacy consent counts");
        assertTrue(page.contains("Recorded from: a page not recorded at the time"));
    }
}
