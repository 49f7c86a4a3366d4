package io.connectionportal.manage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * What a business sees of its synced data: the dashboard (M1, M4), Refresh now (M3), the company
 * profile prefilled from accounting (F5) and the export (M7); and that another company sees none of it.
 */
@QuarkusTest
class ConnectedDataTest {

    @Inject
    SyncWorker worker;

    @Inject
    ObjectMapper json;

    /** A company with Xero connected and synced once. */
    private long[] connectedAndSynced(Browser browser, String name) {
        String email = browser.signUp(name);
        long id = SandboxJourney.connect(browser, "xero");
        worker.runPending();
        long company = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
        return new long[] {id, company};
    }

    private String legalName(long connectionId) {
        return (String) Rows.single(
                        "select payload from synced_record where connection_id = ?1 and data_type = 'COMPANY_INFO'",
                        connectionId)
                .toString()
                .replaceAll(".*\"legalName\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** Page text as a reader sees it: generated names such as "Martin & Fils" are HTML-escaped in the source. */
    private static String unescaped(String html) {
        return html.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    }

    @Test
    void theDashboardShowsSyncDatesMetadataAndCounts() {
        Browser browser = new Browser();
        long[] ids = connectedAndSynced(browser, "Dashboard Data Co");
        String page = unescaped(browser.get("/connections").body().asString());
        // The synced data itself, not the words around it.
        assertTrue(page.contains(legalName(ids[0])), "company legal name from the sync");
        long invoices = Rows.count("synced_record", "connection_id = ?1 and data_type = 'INVOICES'", ids[0]);
        assertTrue(page.contains("invoices: " + invoices), "records per data type");
        assertTrue(
                page.indexOf("company details: ") < page.indexOf("invoices: ")
                        && page.indexOf("invoices: ") < page.indexOf("bills: "),
                "in the data types' order");
        assertTrue(page.contains("1 of 3 kinds of data connected"), "strength meter");
    }

    @Test
    void refreshNowQueuesOneSyncHoweverOftenItIsPressedAndShowsItRunning() {
        Browser browser = new Browser();
        long[] ids = connectedAndSynced(browser, "Refreshing Data Co");
        browser.get("/connections/" + ids[0]);
        for (int i = 0; i < 3; i++) {
            Response refresh = browser.post("/connections/" + ids[0] + "/refresh", Map.of());
            assertEquals(303, refresh.statusCode());
        }
        assertEquals(1, Rows.count("sync_job", "connection_id = ?1 and status in ('QUEUED', 'RUNNING')", ids[0]));
        assertEquals(1, Rows.count("audit_event", "connection_id = ?1 and type = 'REFRESHED'", ids[0]));
        String syncing = browser.get("/connections/" + ids[0]).body().asString();
        assertTrue(syncing.contains("class=\"syncing\""), "the syncing indicator");
        assertTrue(syncing.contains("http-equiv=\"refresh\""), "refreshes itself without JavaScript");
        browser.get("/connections/" + ids[0] + "/status").then().body(containsString("\"syncing\":true"));

        worker.runPending();
        assertEquals(
                1,
                Rows.count(
                        "sync_run", "connection_id = ?1 and trigger_type = 'MANUAL' and outcome = 'SUCCESS'", ids[0]));
        String done = browser.get("/connections/" + ids[0]).body().asString();
        assertFalse(done.contains("class=\"syncing\""), "the indicator is gone");
        assertFalse(done.contains("http-equiv=\"refresh\""), "and the page stops refreshing");
        assertTrue(done.contains("On request"), "the manual run in the history");
        // The sync a click started is not logged as automatic: the first one was, this one was asked for.
        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "connection_id = ?1 and type = 'SYNCED' and actor = 'system (on request)'",
                        ids[0]));
        assertEquals(
                1, Rows.count("audit_event", "connection_id = ?1 and type = 'SYNCED' and actor = 'system'", ids[0]));
        assertTrue(done.contains("on request"), "the activity says so");
    }

    @Test
    void theCompanyProfileIsPrefilledFromAccountingThenSaved() {
        Browser browser = new Browser();
        long[] ids = connectedAndSynced(browser, "Prefill Co");
        String name = legalName(ids[0]);
        String form = unescaped(browser.get("/company").body().asString());
        assertTrue(form.contains("We filled this in from Xero"), form);
        assertTrue(form.contains("value=\"" + name + "\""), "legal name prefilled: " + name);

        Response bad = browser.post("/company", Map.of("legalName", "", "baseCurrency", "euro"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().asString().contains("href=\"#legalName\""));
        assertTrue(bad.body().asString().contains("href=\"#baseCurrency\""));
        assertEquals(0, Rows.count("company_profile", "company_id = ?1", ids[1]));

        browser.get("/company");
        Response saved = browser.post(
                "/company",
                Map.of("legalName", "Prefill Company SAS", "registrationNumber", "123 456 789", "baseCurrency", "eur"));
        assertEquals(303, saved.statusCode());
        assertEquals("EUR", Rows.single("select base_currency from company_profile where company_id = ?1", ids[1]));
        assertEquals("Xero", Rows.single("select prefilled_from from company_profile where company_id = ?1", ids[1]));
        browser.get("/company")
                .then()
                .body(containsString("Your company details are saved."))
                .body(containsString("value=\"Prefill Company SAS\""));
    }

    /** Issue 13, point 12: the profile is found, says what came from Xero, and keeps the name typed at sign-up. */
    @Test
    void theProfileIsLinkedMarksWhatCameFromXeroAndNeverSilentlyReplacesTheTypedName() {
        Browser browser = new Browser();
        long[] ids = connectedAndSynced(browser, "Boulangerie Typed");
        assertTrue(browser.get("/connections").body().asString().contains("href=\"/company\""), "from the dashboard");
        String connected = browser.get("/connect/connected/" + ids[0]).body().asString();
        assertTrue(connected.contains("href=\"/company\""), "from the connected page");

        String form = unescaped(browser.get("/company").body().asString());
        assertTrue(
                form.contains("Legal name <span class=\"field-source\">(from Xero)</span>"),
                "the prefilled legal name says where it came from");
        assertTrue(form.contains("You signed up as “Boulangerie Typed”"), "the typed name is named, not replaced");
        assertTrue(
                form.contains("Time zone</label>") && !form.contains("Time zone <span class=\"field-source\">"),
                "what the platform did not fill in is not marked");

        for (String bad : List.of("!!", "12345", "<script>", "x")) {
            Response refused = browser.post("/company", Map.of("legalName", bad));
            assertEquals(400, refused.statusCode(), bad);
            assertTrue(
                    refused.body().asString().contains("Enter the legal name as it is registered"), "refused: " + bad);
        }
        assertEquals(
                303,
                browser.post("/company", Map.of("legalName", "L'Atelier & Fils, S.A.R.L. (Müller-Lüdenscheid)"))
                        .statusCode());
        assertEquals(
                "Boulangerie Typed",
                Rows.single("select name from company where id = ?1", ids[1]),
                "saving the legal name leaves the company's name as typed");
    }

    @Test
    void theExportHoldsTheSyncedDataConsentsAndAuditTrailAndEachDatasetAsCsv() throws Exception {
        Browser browser = new Browser();
        long[] ids = connectedAndSynced(browser, "Export Co");
        browser.confirmPassword();
        Response export = browser.get("/connections/export");
        assertEquals(200, export.statusCode());
        assertTrue(export.header("Content-Disposition").startsWith("attachment"));
        JsonNode root = json.readTree(export.body().asString());
        JsonNode xero = root.path("connections").get(0);
        assertEquals(ids[0], xero.path("id").asLong());
        assertEquals(
                Rows.count("synced_record", "connection_id = ?1 and data_type = 'INVOICES'", ids[0]),
                xero.path("data").path("invoices").size());
        // Data types in the enum's order, as on every page: invoices before bills (not alphabetical).
        List<String> types = new java.util.ArrayList<>();
        xero.path("data").fieldNames().forEachRemaining(types::add);
        assertEquals(List.of("company_info", "chart_of_accounts", "invoices", "bills", "financial_statements"), types);
        assertTrue(root.path("consents").size() >= 1);
        assertTrue(root.path("auditTrail").size() >= 2, "connected and synced at least");

        Response csv = browser.get("/connections/export/invoices.csv");
        assertEquals(200, csv.statusCode());
        String[] lines = csv.body().asString().split("\r\n");
        assertTrue(lines[0].startsWith("connection_id,platform,"));
        assertEquals(
                Rows.count("synced_record", "connection_id = ?1 and data_type = 'INVOICES'", ids[0]), lines.length - 1);
        browser.get("/connections/export/not_a_type.csv").then().statusCode(404);
    }

    @Test
    void anotherCompanySeesNoneOfIt() {
        Browser owner = new Browser();
        long[] ids = connectedAndSynced(owner, "Private Data Co");
        Browser other = new Browser();
        other.signUp("Curious Co");
        long jobs = Rows.count("sync_job", "connection_id = ?1", ids[0]);

        other.get("/connections/" + ids[0]).then().statusCode(404);
        other.get("/connections/" + ids[0] + "/status").then().statusCode(404);
        other.get("/connections");
        assertEquals(
                404, other.post("/connections/" + ids[0] + "/refresh", Map.of()).statusCode());
        assertEquals(jobs, Rows.count("sync_job", "connection_id = ?1", ids[0]), "nothing queued");
        other.confirmPassword();
        other.get("/connections/export").then().statusCode(200).body(not(containsString("xero")));
        other.get("/connections/export/invoices.csv").then().body(not(containsString("xero")));
        other.get("/company").then().body(not(containsString("We filled this in")));
    }
}
