package io.connectionportal.consent;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

@QuarkusTest
class ConsentTest {

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    @Test
    void consentIsRecordedWithPolicyVersionCategoriesAddressAndUserAgent() {
        Browser browser = new Browser();
        String email = browser.signUp("Consenting Co");
        long company = companyOf(email);

        browser.get("/connect/consent");
        Response response = browser.request()
                .header("User-Agent", "ConsentTest/1.0")
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", browser.csrfToken())
                .formParam("category", "accounting")
                .formParam("category", "banking")
                .formParam("agree", "yes")
                .post("/connect/consent");

        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/connect"));
        assertEquals(1, Rows.count("consent_record", "company_id = ?1", company));
        assertEquals(
                "accounting,banking",
                Rows.single("select categories from consent_record where company_id = ?1", company));
        assertEquals(
                "2026-11", Rows.single("select policy_version from consent_record where company_id = ?1", company));
        assertEquals(
                "ConsentTest/1.0", Rows.single("select user_agent from consent_record where company_id = ?1", company));
        assertEquals("127.0.0.1", Rows.single("select ip_address from consent_record where company_id = ?1", company));
        assertEquals(
                1,
                Rows.count(
                        "consent_record c join app_user u on u.id = c.user_id",
                        "u.email = ?1 and c.given_at is not null",
                        email));

        browser.get("/connect").then().body(containsString("Thank you. Your consent is recorded."));
        // The notice is shown once.
        browser.get("/connect").then().body(not(containsString("Your consent is recorded.")));
    }

    @Test
    void categoriesAlreadyAgreedAreNotAskedAgainAndConsentsAreAppended() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Twice Co"));
        browser.submit("/connect/consent", "/connect/consent", Map.of("category", "accounting", "agree", "yes"));

        String form = browser.get("/connect/consent").body().asString();
        assertTrue(!form.contains("value=\"accounting\""), "accounting is not offered again");
        assertTrue(form.contains("value=\"banking\""));

        browser.get("/connect/consent");
        browser.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", browser.csrfToken())
                .formParam("category", "banking")
                .formParam("category", "commerce")
                .formParam("agree", "yes")
                .post("/connect/consent")
                .then()
                .statusCode(303);

        assertEquals(2, Rows.count("consent_record", "company_id = ?1", company));
        browser.get("/connect/consent").then().body(containsString("You have agreed to share all kinds of data"));
        browser.get("/connect").then().body(not(containsString("href=\"/connect/consent\"")));
    }

    @Test
    void consentWithoutTheTickIsRefusedAndNothingIsRecorded() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Hesitant Co"));

        Response response = browser.submit("/connect/consent", "/connect/consent", Map.of("category", "banking"));

        assertEquals(400, response.statusCode());
        String html = response.body().asString();
        assertTrue(html.contains("href=\"#agree\""));
        assertTrue(html.contains("Tick the box to confirm you agree"));
        assertTrue(html.contains("value=\"banking\" checked"), "the chosen category stays ticked");
        assertEquals(0, Rows.count("consent_record", "company_id = ?1", company));
    }

    @Test
    void consentWithoutACategoryOrWithAnUnknownOneIsRefused() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Picky Co"));

        Response none = browser.submit("/connect/consent", "/connect/consent", Map.of("agree", "yes"));
        Response unknown =
                browser.submit("/connect/consent", "/connect/consent", Map.of("agree", "yes", "category", "crypto"));

        assertEquals(400, none.statusCode());
        assertTrue(none.body().asString().contains("Choose at least one kind of data"));
        assertEquals(400, unknown.statusCode());
        assertEquals(0, Rows.count("consent_record", "company_id = ?1", company));
    }

    @Test
    void aCompanyNeverSeesAnotherCompanysConsents() {
        Browser first = new Browser();
        first.signUp("First Consent Co");
        first.submit(
                "/connect/consent",
                "/connect/consent",
                Map.of("category", List.of("accounting", "banking", "commerce"), "agree", "yes"));

        Browser second = new Browser();
        second.signUp("Second Consent Co");
        second.get("/connect/consent")
                .then()
                .statusCode(200)
                .body(containsString("value=\"accounting\""))
                .body(not(containsString("Your consents")));
    }

    @Test
    void ndaCanBeReadByAnyoneAndAcceptedOnceByASignedInCompany() {
        new Browser()
                .get("/privacy/nda")
                .then()
                .statusCode(200)
                .body(containsString("Mutual non-disclosure agreement"))
                .body(containsString("Sign in to accept"));

        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Secretive Co"));
        browser.get("/privacy/nda").then().body(containsString("Accept the mutual NDA"));

        Response accepted = browser.post("/privacy/nda", Map.of());
        assertEquals(303, accepted.statusCode());
        browser.post("/privacy/nda", Map.of());

        assertEquals(1, Rows.count("nda_acceptance", "company_id = ?1 and nda_version = '2026-11'", company));
        browser.get("/privacy/nda")
                .then()
                .body(containsString("The mutual NDA is accepted and recorded."))
                .body(containsString("Accepted on"))
                .body(not(containsString("Accept the mutual NDA</button>")));
    }

    @Test
    void anonymousNdaAcceptanceIsSentToLogin() {
        Browser browser = new Browser();
        browser.get("/privacy/nda");
        browser.post("/privacy/nda", Map.of()).then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void privacyPageListsDataPerCategoryWithDirectionAndTrust() {
        new Browser()
                .get("/privacy")
                .then()
                .statusCode(200)
                .body(containsString(">Accounting</caption>"))
                .body(containsString(">Banking</caption>"))
                .body(containsString(">Commerce</caption>"))
                .body(containsString("bank transactions"))
                .body(containsString("<td>Read</td>"))
                .body(containsString("Never shared without your consent"))
                .body(containsString("How to withdraw your consent"))
                .body(containsString("You can disconnect at any time."))
                .body(containsString("Powered by Connection Portal"))
                .body(containsString("Privacy policy version 2026-11"));
    }
}
