package io.connectionportal.uploads;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

@QuarkusTest
class IntegrationRequestTest {

    private static final String PAGE = "/connect/request-integration";

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    private static long requestsOf(long company) {
        return Rows.count("integration_request", "company_id = ?1", company);
    }

    @Test
    void aRequestIsStoredWithCompanyUserAndTimeAndListed() {
        Browser browser = new Browser();
        String email = browser.signUp("Requesting Co");
        long company = companyOf(email);

        Response response = browser.submit(
                PAGE,
                PAGE,
                Map.of(
                        "platformName",
                        "  Banque Régionale  ",
                        "website",
                        "https://www.banque-regionale.example/pro",
                        "category",
                        "banking",
                        "note",
                        "Our only bank"));

        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith(PAGE));
        assertEquals(1, requestsOf(company));
        assertEquals(
                "Banque Régionale",
                Rows.single("select platform_name from integration_request where company_id = ?1", company));
        assertEquals(
                "https://www.banque-regionale.example/pro",
                Rows.single("select website from integration_request where company_id = ?1", company));
        assertEquals("banking", Rows.single("select category from integration_request where company_id = ?1", company));
        assertEquals(
                "Our only bank", Rows.single("select note from integration_request where company_id = ?1", company));
        assertEquals(
                Rows.single("select id from app_user where email = ?1", email),
                Rows.single("select user_id from integration_request where company_id = ?1", company));
        assertNotNull(Rows.single("select created_at from integration_request where company_id = ?1", company));

        browser.get(PAGE)
                .then()
                .statusCode(200)
                .body(containsString("Thank you. Your request is recorded."))
                .body(containsString("Banque Régionale"))
                .body(containsString("(Banking)"))
                .body(containsString("Our only bank"))
                .body(containsString("by " + email));
        browser.get(PAGE).then().body(not(containsString("Your request is recorded.")));
    }

    @Test
    void onlyTheNameIsRequired() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Brief Co"));

        browser.submit(PAGE, PAGE, Map.of("platformName", "Sage 50", "website", " ", "category", "", "note", ""))
                .then()
                .statusCode(303);

        assertEquals(1, requestsOf(company));
        assertNull(Rows.single("select website from integration_request where company_id = ?1", company));
        assertNull(Rows.single("select category from integration_request where company_id = ?1", company));
        assertNull(Rows.single("select note from integration_request where company_id = ?1", company));
    }

    @Test
    void anEmptyNameIsRefusedAndTheOtherValuesAreKept() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Nameless Co"));

        Response response = browser.submit(
                PAGE,
                PAGE,
                Map.of(
                        "platformName",
                        "   ",
                        "website",
                        "https://kept.example",
                        "category",
                        "commerce",
                        "note",
                        "Kept note"));

        assertEquals(400, response.statusCode());
        String html = response.body().asString();
        assertTrue(html.contains("href=\"#platformName\""));
        assertTrue(html.contains("Enter the name of the platform"));
        assertTrue(html.contains("value=\"https://kept.example\""));
        assertTrue(html.contains("value=\"commerce\" selected"));
        assertTrue(html.contains(">Kept note</textarea>"));
        assertTrue(html.contains("<title>Error:"), "the title says there is an error");
        assertEquals(0, requestsOf(company));
    }

    @Test
    void aWebsiteMustBeAnHttpOrHttpsAddress() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Linky Co"));

        for (String bad : new String[] {
            "www.example.com",
            "javascript:alert(1)",
            "ftp://files.example.com",
            "https://",
            "https://user:secret@example.com",
            "https://exa mple.com"
        }) {
            Response response = browser.submit(PAGE, PAGE, Map.of("platformName", "Some Platform", "website", bad));
            assertEquals(400, response.statusCode(), bad);
            String html = response.body().asString();
            assertTrue(html.contains("href=\"#website\""), bad);
            assertTrue(html.contains("Enter a website address starting with http:// or https://"), bad);
            assertTrue(html.contains("value=\"Some Platform\""), "the name is kept");
        }
        assertEquals(0, requestsOf(company));
    }

    @Test
    void valuesThatAreTooLongOrAnUnknownCategoryAreRefused() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Verbose Co"));

        Response response = browser.submit(
                PAGE,
                PAGE,
                Map.of(
                        "platformName",
                        "N".repeat(121),
                        "website",
                        "https://example.com/" + "p".repeat(181),
                        "category",
                        "crypto",
                        "note",
                        "x".repeat(1001)));

        assertEquals(400, response.statusCode());
        String html = response.body().asString();
        assertTrue(html.contains("The name of the platform must be 120 characters or fewer"));
        assertTrue(html.contains("The website address must be 200 characters or fewer"));
        assertTrue(html.contains("href=\"#category\""));
        assertTrue(html.contains("The note must be 1000 characters or fewer"));
        assertTrue(html.contains("value=\"" + "N".repeat(121) + "\""), "the name is kept");
        assertEquals(0, requestsOf(company));

        // At the limits, everything is accepted.
        browser.submit(
                        PAGE,
                        PAGE,
                        Map.of(
                                "platformName",
                                "N".repeat(120),
                                "website",
                                "https://example.com/" + "p".repeat(180),
                                "note",
                                "x".repeat(1000)))
                .then()
                .statusCode(303);
        assertEquals(1, requestsOf(company));
    }

    @Test
    void aRequestWithoutTheCsrfTokenIsRejected() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Forged Request Co"));
        browser.get(PAGE);

        Response response = browser.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("platformName", "Forged")
                .post(PAGE);

        assertEquals(400, response.statusCode());
        assertEquals(0, requestsOf(company));
    }

    @Test
    void aCompanySeesOnlyItsOwnRequests() {
        Browser first = new Browser();
        first.signUp("First Request Co");
        first.submit(PAGE, PAGE, Map.of("platformName", "First Company Secret Ledger"))
                .then()
                .statusCode(303);

        Browser second = new Browser();
        second.signUp("Second Request Co");
        second.get(PAGE)
                .then()
                .statusCode(200)
                .body(not(containsString("First Company Secret Ledger")))
                .body(containsString("You have not requested any integrations yet."));
        first.get(PAGE).then().body(containsString("First Company Secret Ledger"));
    }

    @Test
    void anonymousVisitorsAreSentToLogin() {
        new Browser()
                .request()
                .get(PAGE)
                .then()
                .statusCode(303)
                .header("Location", containsString("/login?next=%2Fconnect%2Frequest-integration"));
    }

    @Test
    void theFormIsTranslated() {
        Browser browser = new Browser("fr");
        browser.signUp("Demande SARL");
        browser.get(PAGE)
                .then()
                .statusCode(200)
                .body(containsString("Demander une intégration"))
                .body(containsString("Nom de la plateforme"))
                .body(containsString("href=\"/connect/upload\""));
    }
}
