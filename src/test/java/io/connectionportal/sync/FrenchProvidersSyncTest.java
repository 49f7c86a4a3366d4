package io.connectionportal.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.platforms.DataType;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.FrenchProviders;
import io.connectionportal.testing.RealConnections;
import io.connectionportal.testing.Rows;

/**
 * The whole sync of a real Pennylane or Qonto connection: their data clients behind the sync runner, the token
 * refresh and the recorder, against WireMock answering with the documented bodies ({@code providers/}). The platforms
 * are stand-ins ({@link FrenchProviders}): what is stored is read back through the integrators' API.
 */
@QuarkusTest
class FrenchProvidersSyncTest {

    /** {@code %test.portal.api.bootstrap-key}: a test value, never a secret. */
    private static final String API_KEY = "test-bootstrap-key-0123456789abcdefghijklmnop";

    private static final String MAIN_ACCOUNT = "018f71db-c635-78b5-b90a-ea05de98c2bf";
    private static final String TAXES_IBAN = "FR7616798000010000004321396";
    private static final String PENDING_TAX = "0b1d1a1e-0000-4a4a-8b8b-000000000003";

    @FrenchProviders.Server
    WireMockServer providers;

    @Inject
    SyncJobs jobs;

    @Inject
    SyncWorker worker;

    @Inject
    SyncHistory history;

    @BeforeEach
    void reset() {
        providers.resetAll();
    }

    private record Linked(long companyId, long connectionId) {}

    private static Linked linked(String platform, String access, String refresh) {
        Browser browser = new Browser();
        String email = browser.signUp(
                "French Providers " + UUID.randomUUID().toString().substring(0, 8));
        long connection = RealConnections.linked(
                email, platform, access, refresh, Instant.now().plus(Duration.ofHours(1)));
        long company =
                ((Number) Rows.single("select company_id from connection where id = ?1", connection)).longValue();
        return new Linked(company, connection);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Queues a sync as "Refresh now" would and runs the queue; the connection's newest run. */
    private SyncRunView sync(Linked linked) {
        return sync(linked, Trigger.MANUAL);
    }

    private SyncRunView sync(Linked linked, Trigger trigger) {
        assertTrue(jobs.enqueue(linked.connectionId(), trigger).isPresent());
        worker.runPending();
        return history.forConnection(linked.companyId(), linked.connectionId()).get(0);
    }

    /** The stored records of one type, as an integrator reads them. */
    private static JsonPath data(Linked linked, DataType type) {
        return given().header("Authorization", "Bearer " + API_KEY)
                .queryParam("limit", 100)
                .get("/api/v1/companies/" + linked.companyId() + "/connections/" + linked.connectionId() + "/data/"
                        + type.key())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> record(JsonPath data, String id) {
        return data.getMap("data.find { it.externalId == '" + id + "' }.payload");
    }

    // ----- Qonto -----

    private void stubQonto() {
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/organization"))
                .willReturn(okJson(ProviderStubs.body("qonto/organization.json"))));
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/transactions"))
                .withQueryParam("bank_account_id", equalTo(MAIN_ACCOUNT))
                .withQueryParam("page", equalTo("1"))
                .willReturn(okJson(ProviderStubs.body("qonto/transactions-1.json"))));
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/transactions"))
                .withQueryParam("bank_account_id", equalTo(MAIN_ACCOUNT))
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson(ProviderStubs.body("qonto/transactions-2.json"))));
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/transactions"))
                .withQueryParam("iban", equalTo(TAXES_IBAN))
                .willReturn(okJson(ProviderStubs.body("qonto/transactions-taxes.json"))));
    }

    @Test
    void aQontoSyncStoresTheAccountsWithTheirIbanMaskedAndEveryPageOfTransactions() {
        stubQonto();
        Linked qonto = linked(FrenchProviders.QONTO, unique("qonto-access"), unique("qonto-refresh"));

        SyncRunView run = sync(qonto);

        assertEquals(SyncOutcome.SUCCESS, run.outcome(), run.errorMessage().orElse(""));
        assertEquals(Map.of(DataType.BANK_ACCOUNTS, 2, DataType.BANK_TRANSACTIONS, 3), run.records());
        JsonPath accounts = data(qonto, DataType.BANK_ACCOUNTS);
        assertEquals("FR76 •••• 3951", record(accounts, MAIN_ACCOUNT).get("maskedAccountNumber"));
        assertEquals("Main account", record(accounts, MAIN_ACCOUNT).get("name"));
        JsonPath transactions = data(qonto, DataType.BANK_TRANSACTIONS);
        assertEquals(
                -0.43f,
                record(transactions, "df346899-3595-421a-8b26-f9d9616ce496").get("amount"));
        assertEquals(
                "DEBIT",
                record(transactions, "df346899-3595-421a-8b26-f9d9616ce496").get("type"));
        assertEquals(
                1250.0f,
                record(transactions, "0b1d1a1e-0000-4a4a-8b8b-000000000002").get("amount"));
        assertEquals(
                0L,
                Rows.count(
                        "synced_record",
                        "connection_id = ?1 and (payload like '%0000056639%' or payload like '%0000043213%')",
                        qonto.connectionId()),
                "no IBAN stored whole");
    }

    @Test
    void theNextQontoSyncAsksOnlyForTransactionsUpdatedSinceTheLastAndMergesThem() {
        stubQonto();
        Linked qonto = linked(FrenchProviders.QONTO, unique("qonto-access"), unique("qonto-refresh"));
        assertEquals(SyncOutcome.SUCCESS, sync(qonto).outcome());
        assertEquals(
                "PENDING",
                record(data(qonto, DataType.BANK_TRANSACTIONS), PENDING_TAX).get("status"));

        // Since then, only the tax direct debit was settled.
        providers.resetAll();
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/organization"))
                .willReturn(okJson(ProviderStubs.body("qonto/organization.json"))));
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/transactions"))
                .withQueryParam("bank_account_id", equalTo(MAIN_ACCOUNT))
                .willReturn(okJson("{\"transactions\": [], \"meta\": {\"current_page\": 1, \"next_page\": null,"
                        + " \"prev_page\": null, \"total_pages\": 1, \"total_count\": 0, \"per_page\": 100}}")));
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/transactions"))
                .withQueryParam("iban", equalTo(TAXES_IBAN))
                .willReturn(okJson(ProviderStubs.body("qonto/transactions-taxes.json")
                        .replace("\"status\": \"pending\"", "\"status\": \"completed\"")
                        .replace("\"settled_at\": null", "\"settled_at\": \"2021-03-08T10:00:00.000Z\""))));

        SyncRunView again = sync(qonto, Trigger.SCHEDULED);

        assertEquals(SyncOutcome.SUCCESS, again.outcome(), again.errorMessage().orElse(""));
        var asked = providers.findAll(getRequestedFor(urlPathEqualTo(FrenchProviders.QONTO_API + "/transactions")));
        assertEquals(2, asked.size(), "one page per account");
        for (var request : asked) {
            Instant since =
                    Instant.parse(request.queryParameter("updated_at_from").firstValue());
            assertTrue(since.isBefore(Instant.now()), "from the previous sync: " + since);
        }
        JsonPath transactions = data(qonto, DataType.BANK_TRANSACTIONS);
        assertEquals(3, transactions.getList("data").size(), "the unchanged transactions are kept");
        assertEquals("COMPLETED", record(transactions, PENDING_TAX).get("status"));
        assertEquals("2021-03-08", record(transactions, PENDING_TAX).get("date"));
    }

    @Test
    void aRefreshSomeoneAsksForReadsEverythingAgainSoWhatTheProviderDeletedIsGone() {
        stubQonto();
        Linked qonto = linked(FrenchProviders.QONTO, unique("qonto-access"), unique("qonto-refresh"));
        assertEquals(SyncOutcome.SUCCESS, sync(qonto).outcome());
        int before = data(qonto, DataType.BANK_TRANSACTIONS).getList("data").size();

        // The main account's transactions were deleted at Qonto; the tax account's are unchanged.
        providers.resetAll();
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/organization"))
                .willReturn(okJson(ProviderStubs.body("qonto/organization.json"))));
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/transactions"))
                .withQueryParam("bank_account_id", equalTo(MAIN_ACCOUNT))
                .willReturn(okJson("{\"transactions\": [], \"meta\": {\"current_page\": 1, \"next_page\": null,"
                        + " \"prev_page\": null, \"total_pages\": 1, \"total_count\": 0, \"per_page\": 100}}")));
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/transactions"))
                .withQueryParam("iban", equalTo(TAXES_IBAN))
                .willReturn(okJson(ProviderStubs.body("qonto/transactions-taxes.json"))));

        assertEquals(SyncOutcome.SUCCESS, sync(qonto).outcome());

        for (var request :
                providers.findAll(getRequestedFor(urlPathEqualTo(FrenchProviders.QONTO_API + "/transactions")))) {
            assertFalse(request.queryParameter("updated_at_from").isPresent(), "a full read");
        }
        JsonPath transactions = data(qonto, DataType.BANK_TRANSACTIONS);
        assertTrue(transactions.getList("data").size() < before, "the deleted transactions are gone");
        assertEquals("PENDING", record(transactions, PENDING_TAX).get("status"));
    }

    @Test
    void aQontoAnswer401IsFollowedByOneRefreshAndTheReadAgainWithTheNewToken() {
        String oldAccess = unique("qonto-old");
        String refresh = unique("qonto-refresh");
        String newAccess = unique("qonto-new");
        stubQonto();
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/organization"))
                .withHeader("Authorization", equalTo("Bearer " + oldAccess))
                .willReturn(aResponse().withStatus(401)));
        providers.stubFor(post(urlEqualTo(FrenchProviders.QONTO_TOKEN))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(okJson("{\"access_token\":\"" + newAccess + "\",\"token_type\":\"bearer\","
                        + "\"expires_in\":3600,\"refresh_token\":\"" + unique("qonto-rotated") + "\"}")));
        Linked qonto = linked(FrenchProviders.QONTO, oldAccess, refresh);

        SyncRunView run = sync(qonto);

        assertEquals(SyncOutcome.SUCCESS, run.outcome(), run.errorMessage().orElse(""));
        assertEquals(newAccess, RealConnections.accessToken(qonto.connectionId()));
        assertEquals(
                1,
                providers
                        .findAll(postRequestedFor(urlEqualTo(FrenchProviders.QONTO_TOKEN))
                                .withRequestBody(containing("client_secret=")))
                        .size(),
                "one refresh, the client's secret in the body (client_secret_post)");
        assertEquals(
                1,
                providers
                        .findAll(getRequestedFor(urlPathEqualTo(FrenchProviders.QONTO_API + "/organization"))
                                .withHeader("Authorization", equalTo("Bearer " + oldAccess)))
                        .size());
        assertEquals("LINKED", RealConnections.status(qonto.connectionId()));
    }

    @Test
    void aQontoServerErrorFailsTheRunWithTheProvidersAnswerAndKeepsTheConnection() {
        providers.stubFor(get(urlPathEqualTo(FrenchProviders.QONTO_API + "/organization"))
                .willReturn(aResponse().withStatus(500)));
        Linked qonto = linked(FrenchProviders.QONTO, unique("qonto-access"), unique("qonto-refresh"));

        SyncRunView run = sync(qonto);

        assertEquals(SyncOutcome.FAILED, run.outcome());
        assertEquals(Optional.of("The data API answered 500 to Qonto /organization"), run.errorMessage());
        assertEquals("LINKED", RealConnections.status(qonto.connectionId()));
    }

    // ----- Pennylane -----

    private void stubPennylane() {
        String api = FrenchProviders.PENNYLANE_API;
        providers.stubFor(get(urlPathEqualTo(api + "/me")).willReturn(okJson(ProviderStubs.body("pennylane/me.json"))));
        providers.stubFor(get(urlPathEqualTo(api + "/ledger_accounts"))
                .withQueryParam("cursor", absent())
                .willReturn(okJson(ProviderStubs.body("pennylane/ledger_accounts-1.json"))));
        providers.stubFor(get(urlPathEqualTo(api + "/ledger_accounts"))
                .withQueryParam("cursor", matching(".+"))
                .willReturn(okJson(ProviderStubs.body("pennylane/ledger_accounts-2.json"))));
        providers.stubFor(get(urlPathEqualTo(api + "/customer_invoices"))
                .willReturn(okJson(ProviderStubs.body("pennylane/customer_invoices.json"))));
        providers.stubFor(get(urlPathEqualTo(api + "/supplier_invoices"))
                .inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "1"))
                .willSetStateTo("waited"));
        providers.stubFor(get(urlPathEqualTo(api + "/supplier_invoices"))
                .inScenario("rate limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson(ProviderStubs.body("pennylane/supplier_invoices.json"))));
    }

    @Test
    void aPennylaneSyncStoresEveryKindItReadsWaitingOutARateLimitAndLeavesFinancialStatementsOut() {
        stubPennylane();
        Linked pennylane = linked(FrenchProviders.PENNYLANE, unique("pl-access"), unique("pl-refresh"));

        SyncRunView run = sync(pennylane);

        assertEquals(SyncOutcome.SUCCESS, run.outcome(), run.errorMessage().orElse(""));
        assertEquals(
                Map.of(
                        DataType.COMPANY_INFO,
                        1,
                        DataType.CHART_OF_ACCOUNTS,
                        4,
                        DataType.INVOICES,
                        3,
                        DataType.BILLS,
                        2),
                run.records(),
                "two pages of accounts; no financial statements");
        assertEquals(
                2,
                providers
                        .findAll(getRequestedFor(urlPathEqualTo(FrenchProviders.PENNYLANE_API + "/supplier_invoices")))
                        .size(),
                "the 429 was waited out");
        Map<String, Object> company = data(pennylane, DataType.COMPANY_INFO).getMap("data[0].payload");
        assertEquals("Pennylane", company.get("legalName"));
        assertEquals("012345678", company.get("registrationNumber"));
        assertEquals("OVERDUE", record(data(pennylane, DataType.INVOICES), "42").get("status"));
        assertEquals(196.32f, record(data(pennylane, DataType.INVOICES), "42").get("netAmount"));
        List<String> codes = data(pennylane, DataType.CHART_OF_ACCOUNTS).getList("data.payload.code");
        assertTrue(codes.containsAll(List.of("512", "411", "706", "6226")), codes.toString());
        assertFalse(
                Rows.count(
                                "synced_record",
                                "connection_id = ?1 and payload like '%john.doe%'",
                                pennylane.connectionId())
                        > 0,
                "nothing of Pennylane's user is stored");
    }
}
