package io.connectionportal.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** A company's connections through the API: what, how and when, for that company only, and never a token. */
@QuarkusTest
class ConnectionsApiTest {

    @Test
    void aLinkedConnectionIsListedAndReadWithoutAnyToken() {
        Browser browser = new Browser();
        String email = browser.signUp("Connected Through Pages");
        long connectionId = SandboxJourney.connect(browser, "xero");
        long companyId = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();

        String list = Api.request()
                .get("/api/v1/companies/" + companyId + "/connections")
                .then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].id", equalTo((int) connectionId))
                .body("data[0].platform", equalTo("xero"))
                .body("data[0].category", equalTo("accounting"))
                .body("data[0].status", equalTo("LINKED"))
                .body("data[0].linkedAt", notNullValue())
                .body("data[0].sandbox", equalTo(true))
                .body("next", nullValue())
                .extract()
                .asString();
        assertFalse(list.toLowerCase().contains("token"), list);

        Api.request()
                .get("/api/v1/companies/" + companyId + "/connections/" + connectionId)
                .then()
                .statusCode(200)
                .body("platform", equalTo("xero"))
                .body("lastSyncAt", nullValue());
    }

    @Test
    void anotherCompanysConnectionOrAnUnknownCompanyIsA404() {
        Browser browser = new Browser();
        browser.signUp("Owner Of The Connection");
        long connectionId = SandboxJourney.connect(browser, "qonto");
        long other = Api.createCompany(Api.company("Someone Else", Api.unique("else")))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        Api.request()
                .get("/api/v1/companies/" + other + "/connections")
                .then()
                .statusCode(200)
                .body("data", hasSize(0));
        for (String path : new String[] {
            "/api/v1/companies/" + other + "/connections/" + connectionId,
            "/api/v1/companies/" + other + "/connections/abc",
            "/api/v1/companies/999999999/connections",
            "/api/v1/companies/999999999/connections/" + connectionId
        }) {
            Api.request()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:connection-portal:problem:not-found"));
        }
    }
}
