package io.connectionportal.manage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.audit.DataReads;
import io.connectionportal.platforms.DataType;
import io.connectionportal.shared.Branding;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** The business sees who read its data, in its language, on its pages and in its export; only its own reads. */
@QuarkusTest
class DataReadsShownTest {

    @Inject
    DataReads reads;

    @Inject
    Branding brand;

    @Inject
    SyncWorker syncs;

    @Test
    void readsByAnApiKeyAndByStaffAreListedOnTheDashboardAndTheConnectionPage() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Reads Shown Co"));
        long xero = SandboxJourney.connect(owner, "xero");
        long qonto = SandboxJourney.connect(owner, "qonto");
        reads.recordApiRead(company, xero, "xero", DataType.INVOICES, "underwriting service");
        reads.recordStaffView(company, qonto, "qonto", DataType.BANK_TRANSACTIONS, "camille@lender.example");
        String product = brand.productName();

        String apiLine = product + " read your invoices from Xero on ";
        String staffLine = product + " staff (camille@lender.example) viewed your bank transactions from Qonto on ";
        owner.get("/connections")
                .then()
                .statusCode(200)
                .body(containsString("Who read your data"))
                .body(containsString(apiLine))
                .body(containsString("with its API key \u201cunderwriting service\u201d."))
                .body(containsString(staffLine));
        owner.get("/connections/" + xero)
                .then()
                .statusCode(200)
                .body(containsString(apiLine))
                .body(not(containsString(staffLine)));
        owner.get("/connections/" + qonto)
                .then()
                .statusCode(200)
                .body(containsString(staffLine))
                .body(not(containsString(apiLine)));
    }

    @Test
    void theListIsInFrenchForAFrenchReader() {
        Browser owner = new Browser("fr");
        long company = companyOf(owner.signUp("Lectures Montrées SARL"));
        long xero = SandboxJourney.connect(owner, "xero");
        reads.recordApiRead(company, xero, "xero", DataType.INVOICES, "service crédit");
        reads.recordStaffView(company, xero, "xero", DataType.BILLS, "camille@lender.example");
        String product = brand.productName();

        owner.get("/connections/" + xero)
                .then()
                .statusCode(200)
                .body(containsString("Qui a lu vos données"))
                .body(containsString(
                        product + " a lu vos données \u00ab\u00a0factures clients\u00a0\u00bb de Xero le "))
                .body(containsString("avec sa clé d\u2019API \u00ab\u00a0service crédit\u00a0\u00bb."))
                .body(containsString("Un membre de l\u2019équipe " + product + " (camille@lender.example) a consulté"));
    }

    @Test
    void withoutReadsThePagesSaySoAndViewingThemRecordsNothing() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Reads None Co"));
        long xero = SandboxJourney.connect(owner, "xero");
        syncs.runPending();

        owner.get("/connections")
                .then()
                .statusCode(200)
                .body(containsString("has not read any of your connected data yet"));
        owner.get("/connections/" + xero)
                .then()
                .statusCode(200)
                .body(containsString("has not read any of your data from Xero yet"));
        owner.get("/connections/reads").then().statusCode(200);
        assertEquals(0, Rows.count("data_read", "company_id = ?1", company), "a page view is not a read");
    }

    @Test
    void theDashboardShowsTheMostRecentFewAndLinksToTheRest() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Reads Many Co"));
        long xero = SandboxJourney.connect(owner, "xero");
        for (int i = 0; i < ReadLines.DASHBOARD + 2; i++) {
            reads.recordApiRead(company, xero, "xero", DataType.BILLS, "key number " + i);
        }

        String dashboard =
                owner.get("/connections").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains("\u201ckey number " + (ReadLines.DASHBOARD + 1) + "\u201d"), "the newest");
        assertTrue(!dashboard.contains("\u201ckey number 0\u201d"), "not the oldest");
        assertTrue(dashboard.contains("href=\"/connections/reads\""), "a link to the rest");
        owner.get("/connections/reads")
                .then()
                .statusCode(200)
                .body(containsString("\u201ckey number 0\u201d"))
                .body(containsString("\u201ckey number " + (ReadLines.DASHBOARD + 1) + "\u201d"));
    }

    @Test
    void anotherCompanySeesNoneOfTheseReads() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Reads Private Co"));
        long xero = SandboxJourney.connect(owner, "xero");
        reads.recordApiRead(company, xero, "xero", DataType.INVOICES, "private reader key");
        Browser other = new Browser();
        other.signUp("Reads Nosy Co");

        for (String path : new String[] {"/connections", "/connections/reads"}) {
            other.get(path).then().statusCode(200).body(not(containsString("private reader key")));
        }
        assertEquals(404, other.get("/connections/" + xero).statusCode());
    }

    @Test
    void theExportHoldsEveryReadInJsonAndCsvAndADeletedConnectionsReadsStay() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Reads Export Co"));
        long xero = SandboxJourney.connect(owner, "xero");
        reads.recordApiRead(company, xero, "xero", DataType.INVOICES, "export reader key");
        reads.recordStaffView(company, xero, "xero", DataType.BILLS, "staff@lender.example");
        owner.confirmPassword();
        owner.get("/connections/" + xero + "/delete").then().statusCode(200);
        owner.post("/connections/" + xero + "/delete", Map.of()).then().statusCode(303);
        assertEquals(0, Rows.count("connection", "id = ?1", xero));

        owner.get("/connections").then().body(containsString("export reader key"));
        owner.get("/connections/export")
                .then()
                .statusCode(200)
                .body(containsString("\"dataReads\""))
                .body(containsString("\"reader\" : \"export reader key\""))
                .body(containsString("\"readerKind\" : \"STAFF\""))
                .body(containsString("\"dataType\" : \"invoices\""));
        String csv = owner.get("/connections/export/data-reads.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertTrue(csv.startsWith("read_at,connection_id,platform,data_type,reader_kind,reader"), csv);
        assertTrue(csv.contains("," + xero + ",xero,invoices,API_KEY,export reader key"), csv);
        assertTrue(csv.contains("," + xero + ",xero,bills,STAFF,staff@lender.example"), csv);
    }

    @Test
    void theReadsGoWithTheCompany() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Reads Erased Co"));
        long xero = SandboxJourney.connect(owner, "xero");
        reads.recordApiRead(company, xero, "xero", DataType.INVOICES, "erased reader key");
        owner.confirmPassword();
        owner.get("/account/delete").then().statusCode(200);
        owner.post("/account/delete", Map.of("agree", "yes")).then().statusCode(303);

        assertEquals(0, Rows.count("data_read", "company_id = ?1", company));
    }

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }
}
