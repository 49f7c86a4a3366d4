package io.connectionportal.api;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.Branding;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** Issue 10, point 7: what the integrator reads through the API, the business sees on its pages and in its export. */
@QuarkusTest
class DataReadsThroughTheApiTest {

    @Inject
    SyncWorker syncs;

    @Inject
    Branding brand;

    @Test
    void dataReadsThroughTheApiAppearOnTheBusinesssDashboardAndConnectionPageAndInItsExport() {
        Browser owner = new Browser();
        long company = ConnectionOperationsApiTest.companyOf(owner.signUp("Api Reads Shown Co"));
        long xero = SandboxJourney.connect(owner, "xero");
        syncs.runPending();

        Api.request()
                .get("/api/v1/companies/" + company + "/connections/" + xero + "/data/invoices")
                .then()
                .statusCode(200);
        Api.request()
                .get("/api/v1/companies/" + company + "/connections/" + xero + "/syncs")
                .then()
                .statusCode(200);
        assertEquals(1, Rows.count("data_read", "company_id = ?1", company), "the history is not the data");

        String line = brand.productName() + " read your invoices from Xero on ";
        String key = "with its API key \u201cbootstrap\u201d.";
        owner.get("/connections")
                .then()
                .statusCode(200)
                .body(containsString(line))
                .body(containsString(key));
        owner.get("/connections/" + xero)
                .then()
                .statusCode(200)
                .body(containsString(line))
                .body(containsString(key));
        owner.confirmPassword();
        owner.get("/connections/export")
                .then()
                .statusCode(200)
                .body(containsString("\"readerKind\" : \"API_KEY\""))
                .body(containsString("\"reader\" : \"bootstrap\""))
                .body(containsString("\"connectionId\" : " + xero));
        assertEquals(1, Rows.count("data_read", "company_id = ?1", company), "viewing them reads nothing");
    }
}
