package io.connectionportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * The sandbox is stable and local (issue 13, point 13): a business gets the same sandbox company, with the same
 * records, on every authorization, and that company follows the business's country, not the platform's.
 */
@QuarkusTest
class SandboxAccountsTest {

    private static final Pattern SHOWN =
            Pattern.compile("<p class=\"sandbox-account\" id=\"sandbox-account\">([^<]+)</p>");

    @Inject
    SyncWorker worker;

    @Inject
    ConnectionTokens tokens;

    @Inject
    ObjectMapper json;

    @Test
    void reconnectingFindsTheSameCompanyWithTheSameRecords() throws Exception {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Stable Sandbox Ltd"));
        long id = SandboxJourney.connect(browser, "xero");
        worker.runPending();
        JsonNode before = companyInfo(id);
        Map<String, Long> countsBefore = counts(id);
        String invoicesBefore = api("xero", "invoices", accessToken(id));
        String oldToken = accessToken(id);

        Rows.execute("update connection set status = 'REAUTH_REQUIRED' where id = ?1", id);
        Response back = SandboxJourney.reconnect(browser, id, "xero", SandboxJourney.ALLOW);
        assertTrue(back.header("Location").endsWith("/connections/" + id), back.header("Location"));
        worker.runPending();

        assertNotEquals(oldToken, accessToken(id), "a new grant");
        JsonNode after = companyInfo(id);
        assertEquals(before.get("id"), after.get("id"), "the same sandbox company");
        assertEquals(before.get("legalName"), after.get("legalName"));
        assertEquals(countsBefore, counts(id), "the same records, so the same counts");
        assertEquals(invoicesBefore, api("xero", "invoices", accessToken(id)), "record for record");
        assertEquals(1, Rows.count("connection", "company_id = ?1", company));

        // Another business connecting the same platform gets a company of its own.
        Browser other = new Browser();
        other.signUp("Another Sandbox Ltd");
        long otherId = SandboxJourney.connect(other, "xero");
        worker.runPending();
        assertNotEquals(before.get("id"), companyInfo(otherId).get("id"));
    }

    @Test
    void aFrenchCompanyGetsEurosFrenchNamesAndAFrenchChartOfAccounts() throws Exception {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Boulangerie Pilote"));
        Rows.execute("update company set country = 'FR' where id = ?1", company);
        // Xero's own sandbox data is British: the business's country wins.
        long id = SandboxJourney.connect(browser, "xero");
        worker.runPending();

        JsonNode info = companyInfo(id);
        assertEquals("EUR", info.get("baseCurrency").asText());
        assertEquals("FR", info.get("address").get("country").asText());
        assertTrue(info.get("legalName").asText().matches(".* (SARL|SAS|SASU|EURL)"), info.toString());
        assertTrue(info.get("taxNumber").asText().startsWith("FR"), info.toString());
        String accounts = api("xero", "accounts", accessToken(id));
        assertTrue(
                accounts.contains("\"code\":\"401000\"") && accounts.contains("\"name\":\"Fournisseurs\""), accounts);
        String invoices = api("xero", "invoices", accessToken(id));
        assertTrue(invoices.contains("\"currency\":\"EUR\"") && !invoices.contains("GBP"), invoices);
    }

    @Test
    void aFrenchSpeakingBusinessWithoutACountryBanksInFrance() throws Exception {
        Browser browser = new Browser("fr");
        browser.signUp("Atelier Sans Pays");
        long id = SandboxJourney.connect(browser, "barclays");
        worker.runPending();
        String accounts = api("barclays", "bank-accounts", accessToken(id));
        assertTrue(accounts.contains("\"currency\":\"EUR\""), accounts);
        assertTrue(accounts.contains("FR76 ••••"), "a masked French IBAN: " + accounts);
        assertTrue(accounts.contains("Compte courant principal"), accounts);
    }

    @Test
    void aBritishCompanyGetsPoundsWhateverThePlatform() throws Exception {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Pounds Only"));
        Rows.execute("update company set country = 'GB' where id = ?1", company);
        long id = SandboxJourney.connect(browser, "quickbooks-online");
        worker.runPending();

        JsonNode info = companyInfo(id);
        assertEquals("GBP", info.get("baseCurrency").asText());
        assertEquals("GB", info.get("address").get("country").asText());
        assertTrue(info.get("legalName").asText().endsWith(" Ltd"), info.toString());
    }

    @Test
    void theConsentPageNamesTheSameCompanyEachTimeAndAnAccountKeepsItsCountry() throws Exception {
        Browser browser = new Browser("fr");
        long company = companyOf(browser.signUp("Pays Fixe"));
        browser.get("/connect/platforms/pennylane");
        Response start = browser.post("/connect/platforms/pennylane", Map.of("agree", "yes"));
        String location = start.header("Location");
        assertTrue(location.contains("login_hint=portal-company-"), location);
        assertTrue(location.contains("ui_locales=fr-FR"), location);
        assertFalse(location.contains("login_hint=portal-company-" + company + "&"), "a pseudonym, not the row id");
        String page = browser.get(SandboxJourney.path(location)).body().asString();
        assertTrue(page.contains("name=\"login_hint\""), "the hint comes back with the form");
        String shown = shownCompany(page);
        assertTrue(shown.startsWith("Entreprise de test\u00a0: ") && shown.contains(", France."), shown);
        SandboxJourney.atProvider(browser, location, "pennylane", SandboxJourney.ALLOW);
        long id = ((Number) Rows.single(
                        "select id from connection where company_id = ?1 and platform_key = 'pennylane'", company))
                .longValue();
        worker.runPending();
        assertTrue(shown.contains(companyInfo(id).get("legalName").asText() + ", France"), "the company shared");

        String subject = (String)
                Rows.single("select a.subject from sandbox_account a join sandbox_grant g on g.account_id = a.id"
                        + " where g.id = (select max(id) from sandbox_grant)");
        assertEquals("FR", Rows.single("select country from sandbox_account where subject = ?1", subject));
        // The integrator moves the business to the UK afterwards: the sandbox company, like a real one, stays French.
        Rows.execute("update company set country = 'GB' where id = ?1", company);
        Rows.execute("update connection set status = 'REAUTH_REQUIRED' where id = ?1", id);
        browser.get("/connections/" + id);
        Response again = browser.post("/connections/" + id + "/reconnect", Map.of("agree", "yes"));
        String reconnect = again.header("Location");
        assertTrue(reconnect.contains("ui_locales=fr-GB"), reconnect);
        assertEquals(
                shown,
                shownCompany(browser.get(SandboxJourney.path(reconnect)).body().asString()));
        SandboxJourney.atProvider(browser, reconnect, "pennylane", SandboxJourney.ALLOW);
        assertEquals(1, Rows.count("sandbox_account", "subject = ?1", subject));
        assertEquals("FR", Rows.single("select country from sandbox_account where subject = ?1", subject));
    }

    /** The consent page's line naming the sandbox company, as read. */
    private static String shownCompany(String page) {
        Matcher line = SHOWN.matcher(page);
        assertTrue(line.find(), "the consent page names the sandbox company");
        return line.group(1).replace("&amp;", "&").replace("&#39;", "'");
    }

    // ----- helpers -----

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    private String accessToken(long connectionId) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        tokens.accessToken(Connection.findById(connectionId)).orElseThrow());
    }

    private static String api(String platform, String resource, String accessToken) {
        Response response = io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + accessToken)
                .get("/sandbox/" + platform + "/api/" + resource);
        assertEquals(200, response.statusCode(), response.body().asString());
        return response.body().asString();
    }

    /** The company details the portal synced from the connection. */
    private JsonNode companyInfo(long connectionId) throws Exception {
        Object payload = Rows.single(
                "select payload from synced_record where connection_id = ?1 and data_type = 'COMPANY_INFO'",
                connectionId);
        return json.readTree(payload.toString());
    }

    /** The synced records per data type. */
    private static Map<String, Long> counts(long connectionId) {
        Map<String, Long> counts = new TreeMap<>();
        for (String type : new String[] {"CHART_OF_ACCOUNTS", "INVOICES", "BILLS", "FINANCIAL_STATEMENTS"}) {
            counts.put(type, Rows.count("synced_record", "connection_id = ?1 and data_type = ?2", connectionId, type));
        }
        return counts;
    }
}
