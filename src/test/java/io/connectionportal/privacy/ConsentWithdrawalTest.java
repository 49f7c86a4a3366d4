package io.connectionportal.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * Withdrawing consent per kind of data, from the privacy page: one confirmation page saying what stops, then the
 * withdrawal is recorded like a consent and that kind's connections are deauthorized and revoked at the provider.
 */
@QuarkusTest
class ConsentWithdrawalTest {

    @Test
    void thePrivacyPageOffersAWithdrawalPerKindAgreedToAndItsPageListsTheConnectionsThatStop() {
        Browser browser = new Browser();
        browser.signUp("Withdraw Page Co");
        SandboxJourney.connect(browser, "xero");
        SandboxJourney.connect(browser, "qonto");

        browser.get("/privacy")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/privacy/withdraw/accounting\""))
                .body(containsString("href=\"/privacy/withdraw/banking\""))
                .body(not(containsString("href=\"/privacy/withdraw/commerce\"")))
                .body(containsString("href=\"/connect/consent?category=commerce\""))
                .body(containsString("a platform&#39;s page, its"));

        browser.get("/privacy/withdraw/accounting")
                .then()
                .statusCode(200)
                .body(containsString("Withdraw your consent to share Accounting?"))
                .body(containsString("We stop reading your Accounting data straight away."))
                .body(containsString("These platforms are disconnected"))
                .body(containsString("<li>Xero</li>"))
                .body(not(containsString("Qonto")))
                .body(containsString("you are asked for your consent again"))
                .body(containsString("action=\"/privacy/withdraw/accounting\""))
                .body(containsString("name=\"csrf-token\""));
    }

    @Test
    void withdrawingDeauthorizesOnlyThatKindRevokesAtTheProviderAndIsRecordedAppendOnly() {
        Browser browser = new Browser();
        String email = browser.signUp("Withdraw Co");
        long company = Held.companyOf(email);
        long xero = SandboxJourney.connect(browser, "xero");
        long qonto = SandboxJourney.connect(browser, "qonto");
        String xeroAccess = Held.accessToken(xero);
        String qontoAccess = Held.accessToken(qonto);
        long given = Rows.count("consent_record", "company_id = ?1", company);
        assertEquals(200, SandboxJourney.dataApiStatus("xero", xeroAccess));

        browser.get("/privacy/withdraw/accounting");
        Response done;
        try (LogCapture logs = new LogCapture()) {
            done = browser.request()
                    .header("User-Agent", "WithdrawTest/1.0")
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", browser.csrfToken())
                    .post("/privacy/withdraw/accounting");
            assertEquals(
                    1,
                    logs.linesContaining("security event=consent_withdrawal outcome=allowed")
                            .size(),
                    "one security log line");
            assertTrue(!logs.anyContains(email), "no e-mail in the logs");
        }
        assertEquals(303, done.statusCode(), done.body().asString());
        assertTrue(done.header("Location").contains("/privacy"));
        browser.get("/privacy")
                .then()
                .body(containsString("Your consent is withdrawn and recorded."))
                .body(not(containsString("href=\"/privacy/withdraw/accounting\"")))
                .body(containsString("href=\"/privacy/withdraw/banking\""))
                .body(containsString("Withdrawn on"));

        assertEquals("DEAUTHORIZED", Held.status(xero));
        assertEquals(401, SandboxJourney.dataApiStatus("xero", xeroAccess), "revoked at the provider");
        assertEquals("LINKED", Held.status(qonto), "banking is untouched");
        assertEquals(200, SandboxJourney.dataApiStatus("qonto", "bank-accounts", qontoAccess));
        assertEquals(
                1,
                Rows.count("audit_event", "connection_id = ?1 and type = 'DEAUTHORIZED' and actor = ?2", xero, email));
        assertEquals(1, Rows.count("audit_event", "connection_id = ?1 and type = 'REVOKED'", xero));

        assertEquals(given + 1, Rows.count("consent_record", "company_id = ?1", company), "appended, nothing changed");
        assertEquals(given, Rows.count("consent_record", "company_id = ?1 and kind = 'GIVEN'", company));
        String withdrawal = "company_id = ?1 and kind = 'WITHDRAWN' and categories = 'accounting'"
                + " and source = 'privacy-withdraw/confirm-button' and policy_version = '2026-11'"
                + " and user_agent = 'WithdrawTest/1.0' and ip_address = '127.0.0.1'"
                + " and user_id = (select id from app_user where email = ?2)";
        assertEquals(1, Rows.count("consent_record", withdrawal, company, email));
        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "company_id = ?1 and type = 'CONSENT_WITHDRAWN' and detail = 'accounting' and actor = ?2",
                        company,
                        email));
        browser.get("/connections/" + xero).then().body(containsString("Consent withdrawn"));

        // Again, from a stale page: nothing more is recorded.
        browser.post("/privacy/withdraw/accounting", Map.of()).then().statusCode(303);
        assertEquals(given + 1, Rows.count("consent_record", "company_id = ?1", company));
        browser.get("/privacy/withdraw/accounting").then().statusCode(303);
    }

    @Test
    void connectingThatKindAgainAsksForConsentAgain() {
        Browser browser = new Browser();
        String email = browser.signUp("Withdraw Again Co");
        long company = Held.companyOf(email);
        SandboxJourney.connect(browser, "xero");
        browser.get("/privacy/withdraw/accounting");
        browser.post("/privacy/withdraw/accounting", Map.of()).then().statusCode(303);

        browser.get("/connect/platforms/pennylane").then().body(containsString("id=\"agree\""));
        Response refused = browser.post("/connect/platforms/pennylane", Map.of());
        assertEquals(400, refused.statusCode());
        assertEquals(0, Rows.count("connection", "company_id = ?1 and platform_key = 'pennylane'", company));
        assertTrue(browser.get("/connect/consent").body().asString().contains("value=\"accounting\""));

        long again = SandboxJourney.connect(browser, "pennylane");
        assertEquals("LINKED", Held.status(again));
        assertEquals(
                1,
                Rows.count(
                        "consent_record",
                        "company_id = ?1 and kind = 'GIVEN' and categories = 'accounting'"
                                + " and source = 'platform-page/agree-checkbox' and given_at > (select max(given_at)"
                                + " from consent_record where company_id = ?1 and kind = 'WITHDRAWN')",
                        company),
                "a new consent, given after the withdrawal");
        browser.get("/privacy").then().body(containsString("href=\"/privacy/withdraw/accounting\""));
    }

    @Test
    void aConnectionWaitingForItsAuthorizationIsCancelledSoItCannotBeLinkedWithoutConsent() {
        Browser browser = new Browser();
        String email = browser.signUp("Withdraw Pending Co");
        long company = Held.companyOf(email);
        browser.get("/connect/platforms/qonto");
        Response start = browser.post("/connect/platforms/qonto", Map.of("agree", "yes"));
        assertEquals(303, start.statusCode());
        assertEquals(1, Rows.count("connection", "company_id = ?1 and status = 'PENDING_AUTH'", company));

        browser.get("/privacy/withdraw/banking").then().body(containsString("<li>Qonto</li>"));
        browser.post("/privacy/withdraw/banking", Map.of()).then().statusCode(303);
        assertEquals(0, Rows.count("connection", "company_id = ?1", company));

        // Coming back from the provider now links nothing: the attempt went with its connection.
        Response atProvider = SandboxJourney.answerAt(browser, start.header("Location"), "qonto", SandboxJourney.ALLOW);
        Response back = browser.get(SandboxJourney.path(atProvider.header("Location")));
        assertTrue(back.statusCode() < 500, "refused, not failed: " + back.statusCode());
        assertEquals(0, Rows.count("connection", "company_id = ?1", company));
    }

    @Test
    void anotherCompanysConsentsAndConnectionsAreUntouched() {
        Browser other = new Browser();
        String otherEmail = other.signUp("Withdraw Bystander Co");
        long otherCompany = Held.companyOf(otherEmail);
        long otherXero = SandboxJourney.connect(other, "xero");
        long otherConsents = Rows.count("consent_record", "company_id = ?1", otherCompany);

        Browser browser = new Browser();
        browser.signUp("Withdraw Neighbour Co");
        SandboxJourney.connect(browser, "xero");
        browser.get("/privacy/withdraw/accounting");
        browser.post("/privacy/withdraw/accounting", Map.of()).then().statusCode(303);

        assertEquals("LINKED", Held.status(otherXero));
        assertEquals(200, SandboxJourney.dataApiStatus("xero", Held.accessToken(otherXero)));
        assertEquals(otherConsents, Rows.count("consent_record", "company_id = ?1", otherCompany));
        assertEquals(0, Rows.count("consent_record", "company_id = ?1 and kind = 'WITHDRAWN'", otherCompany));
        other.get("/privacy").then().body(containsString("href=\"/privacy/withdraw/accounting\""));
    }

    @Test
    void anUnknownKindIs404AKindNotAgreedToChangesNothingAndTheFormNeedsItsToken() {
        Browser browser = new Browser();
        String email = browser.signUp("Withdraw Bad Input Co");
        long company = Held.companyOf(email);
        long xero = SandboxJourney.connect(browser, "xero");
        long records = Rows.count("consent_record", "company_id = ?1", company);

        // Each form posted with the token of a page that has the form, not of an error page.
        browser.get("/privacy");
        browser.post("/privacy/withdraw/payroll", Map.of()).then().statusCode(404);
        browser.get("/privacy/withdraw/payroll").then().statusCode(404);
        browser.get("/privacy/withdraw/commerce").then().statusCode(303);
        browser.get("/privacy");
        browser.post("/privacy/withdraw/commerce", Map.of()).then().statusCode(303);
        browser.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "forged")
                .post("/privacy/withdraw/accounting")
                .then()
                .statusCode(400);
        assertEquals(records, Rows.count("consent_record", "company_id = ?1", company));
        assertEquals("LINKED", Held.status(xero));

        new Browser().get("/privacy/withdraw/accounting").then().statusCode(303);
    }
}
