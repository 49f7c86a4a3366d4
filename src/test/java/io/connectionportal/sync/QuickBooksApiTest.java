package io.connectionportal.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * QuickBooks Online's data client against WireMock answering with Intuit's documented examples
 * ({@code providers/quickbooks/README.md}): the realmId in every path, every type mapped, query paging, incremental
 * reads, rate limits and errors. The runner's refresh-and-retry after a 401 and its FAILED run are proven in
 * {@code SyncTest}.
 */
class QuickBooksApiTest {

    private static final String REALM = "9130349812345678";
    private static final String COMPANY = "/v3/company/" + REALM + "/";
    private static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private static final Platform QUICKBOOKS = ProviderFixtures.accounting("quickbooks-online");

    private static WireMockServer intuit;
    private QuickBooksApi api;

    @BeforeAll
    static void startIntuit() {
        intuit = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        intuit.start();
    }

    @AfterAll
    static void stopIntuit() {
        intuit.stop();
    }

    @BeforeEach
    void freshStubs() {
        intuit.resetAll();
        ObjectMapper json = new ObjectMapper();
        // Two records a page here (1000 for real), so the documented examples show the paging.
        api = new QuickBooksApi(
                new ProviderHttp(json),
                platform -> Optional.of("http://127.0.0.1:" + intuit.port()),
                new QuickBooksRecords(json, DECEMBER),
                DECEMBER,
                2);
    }

    @Test
    void companyInfoAndTheHomeCurrencyBecomeTheCompanyRecord() throws Exception {
        stub(COMPANY + "companyinfo/" + REALM, "quickbooks/companyinfo.json");
        stub(COMPANY + "preferences", "quickbooks/preferences.json");

        List<JsonNode> records = read(DataType.COMPANY_INFO, Optional.empty());

        assertEquals(1, records.size());
        JsonNode company = records.get(0);
        assertEquals("1", company.path("id").asText());
        assertEquals("Larry's Bakery LLC", company.path("legalName").asText());
        assertEquals("Larry's Bakery", company.path("tradingName").asText());
        assertEquals("USD", company.path("baseCurrency").asText());
        assertEquals("12-31", company.path("financialYearEnd").asText());
        assertEquals("123 Sierra Way", company.path("address").path("line1").asText());
        assertEquals("87999", company.path("address").path("postalCode").asText());
        assertEquals("Mountain View", company.path("address").path("city").asText());
        assertEquals("US", company.path("address").path("country").asText());
        intuit.verify(getRequestedFor(urlPathEqualTo(COMPANY + "companyinfo/" + REALM))
                .withQueryParam("minorversion", equalTo(QuickBooksApi.MINOR_VERSION))
                .withHeader("Authorization", equalTo("Bearer qbo-access")));
    }

    @Test
    void accountsKeepTheirNumberClassificationAndWhetherActive() throws Exception {
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "query"))
                .withQueryParam("query", equalTo("select * from Account STARTPOSITION 1 MAXRESULTS 2"))
                .willReturn(okJson(ProviderFixtures.body("quickbooks/query-account.json"))));
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "query"))
                .withQueryParam("query", equalTo("select * from Account STARTPOSITION 3 MAXRESULTS 2"))
                .willReturn(okJson(ProviderFixtures.body("quickbooks/query-empty.json"))));

        List<JsonNode> accounts = read(DataType.CHART_OF_ACCOUNTS, Optional.empty());

        assertEquals(3, accounts.size());
        assertEquals("35", accounts.get(0).path("id").asText());
        assertEquals("1010", accounts.get(0).path("code").asText());
        assertEquals("Checking", accounts.get(0).path("name").asText());
        assertEquals("ASSET", accounts.get(0).path("type").asText());
        assertEquals("ACTIVE", accounts.get(0).path("status").asText());
        assertEquals("REVENUE", accounts.get(1).path("type").asText());
        assertEquals("ARCHIVED", accounts.get(2).path("status").asText());
    }

    @Test
    void invoicesAreQueriedPageAfterPageAndMapped() throws Exception {
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "query"))
                .withQueryParam("query", equalTo("select * from Invoice STARTPOSITION 1 MAXRESULTS 2"))
                .withQueryParam("minorversion", equalTo(QuickBooksApi.MINOR_VERSION))
                .willReturn(okJson(ProviderFixtures.body("quickbooks/query-invoice-page1.json"))));
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "query"))
                .withQueryParam("query", equalTo("select * from Invoice STARTPOSITION 3 MAXRESULTS 2"))
                .willReturn(okJson(ProviderFixtures.body("quickbooks/query-invoice-page2.json"))));

        List<JsonNode> invoices = read(DataType.INVOICES, Optional.empty());

        assertEquals(3, invoices.size());
        JsonNode overdue = invoices.get(0);
        assertEquals("130", overdue.path("id").asText());
        assertEquals("1037", overdue.path("number").asText());
        assertEquals("Sonnenschein Family Store", overdue.path("customerName").asText());
        assertEquals("2026-09-14", overdue.path("issueDate").asText());
        assertEquals("2026-10-14", overdue.path("dueDate").asText());
        assertEquals("USD", overdue.path("currency").asText());
        assertEquals(new BigDecimal("335.25"), overdue.path("netAmount").decimalValue());
        assertEquals(new BigDecimal("26.82"), overdue.path("taxAmount").decimalValue());
        assertEquals(new BigDecimal("362.07"), overdue.path("totalAmount").decimalValue());
        assertEquals(new BigDecimal("362.07"), overdue.path("amountDue").decimalValue());
        assertEquals("OVERDUE", overdue.path("status").asText());
        assertEquals("PAID", invoices.get(1).path("status").asText(), "a zero balance");
        assertEquals("OPEN", invoices.get(2).path("status").asText(), "due on 25 December");
        intuit.verify(2, getRequestedFor(urlPathEqualTo(COMPANY + "query")));
    }

    @Test
    void billsNameTheirVendor() throws Exception {
        stub(COMPANY + "query", "quickbooks/query-bill.json");

        List<JsonNode> bills = read(DataType.BILLS, Optional.empty());

        assertEquals(1, bills.size());
        JsonNode bill = bills.get(0);
        assertEquals("25", bill.path("id").asText());
        assertEquals(
                "Norton Lumber and Building Materials",
                bill.path("supplierName").asText());
        assertEquals("2026-10-15", bill.path("issueDate").asText());
        assertEquals(new BigDecimal("103.55"), bill.path("totalAmount").decimalValue());
        assertEquals(new BigDecimal("103.55"), bill.path("netAmount").decimalValue(), "no tax detail: no tax");
        assertEquals("OVERDUE", bill.path("status").asText());
    }

    @Test
    void theLastMonthsReportsGiveTheStatementLines() throws Exception {
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "reports/ProfitAndLoss"))
                .withQueryParam("start_date", equalTo("2026-11-01"))
                .withQueryParam("end_date", equalTo("2026-11-30"))
                .willReturn(okJson(ProviderFixtures.body("quickbooks/report-profit-and-loss.json"))));
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "reports/BalanceSheet"))
                .withQueryParam("end_date", equalTo("2026-11-30"))
                .willReturn(okJson(ProviderFixtures.body("quickbooks/report-balance-sheet.json"))));

        List<JsonNode> statements = read(DataType.FINANCIAL_STATEMENTS, Optional.empty());

        JsonNode pl = statements.get(0);
        assertEquals("pl-2026-11", pl.path("id").asText());
        assertEquals("PROFIT_AND_LOSS", pl.path("type").asText());
        assertEquals("USD", pl.path("currency").asText());
        assertEquals(new BigDecimal("4250.00"), pl.path("lines").path("revenue").decimalValue());
        assertEquals(
                new BigDecimal("405.00"), pl.path("lines").path("costOfSales").decimalValue());
        assertEquals(
                new BigDecimal("3845.00"), pl.path("lines").path("grossProfit").decimalValue());
        assertEquals(
                new BigDecimal("900.00"),
                pl.path("lines").path("operatingExpenses").decimalValue());
        assertEquals(
                new BigDecimal("2945.00"),
                pl.path("lines").path("operatingProfit").decimalValue());
        assertEquals(
                new BigDecimal("2945.00"), pl.path("lines").path("netProfit").decimalValue());
        JsonNode bs = statements.get(1);
        assertEquals("bs-2026-11", bs.path("id").asText());
        assertEquals(new BigDecimal("1201.00"), bs.path("lines").path("cash").decimalValue());
        assertEquals(
                new BigDecimal("5281.52"),
                bs.path("lines").path("accountsReceivable").decimalValue());
        assertEquals(
                new BigDecimal("13495.00"), bs.path("lines").path("fixedAssets").decimalValue());
        assertEquals(
                new BigDecimal("19977.52"), bs.path("lines").path("totalAssets").decimalValue());
        assertEquals(
                new BigDecimal("1602.67"),
                bs.path("lines").path("accountsPayable").decimalValue());
        assertEquals(new BigDecimal("18374.85"), bs.path("lines").path("equity").decimalValue());
    }

    @Test
    void anIncrementalReadQueriesWhatWasUpdatedSinceTheLastSync() throws Exception {
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "query"))
                .withQueryParam(
                        "query",
                        equalTo("select * from Invoice where Metadata.LastUpdatedTime > '2026-11-30T06:15:00+00:00'"
                                + " STARTPOSITION 1 MAXRESULTS 2"))
                .willReturn(okJson(ProviderFixtures.body("quickbooks/query-invoice-page2.json"))));

        List<JsonNode> changed = read(DataType.INVOICES, Optional.of(Instant.parse("2026-11-30T06:15:00Z")));

        assertEquals(1, changed.size());
        assertEquals("132", changed.get(0).path("id").asText());
        assertTrue(api.incremental(DataType.INVOICES) && api.incremental(DataType.BILLS));
        assertTrue(!api.incremental(DataType.FINANCIAL_STATEMENTS));
    }

    @Test
    void aThrottledQueryIsTriedAgainAfterRetryAfter() throws Exception {
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "query"))
                .inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("waited"));
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "query"))
                .inScenario("throttled")
                .whenScenarioStateIs("waited")
                .willReturn(okJson(ProviderFixtures.body("quickbooks/query-bill.json"))));

        assertEquals(1, read(DataType.BILLS, Optional.empty()).size());
        intuit.verify(2, getRequestedFor(urlPathEqualTo(COMPANY + "query")));
    }

    @Test
    void a401TellsTheRunnerToRefreshTheToken() {
        intuit.stubFor(
                get(urlPathEqualTo(COMPANY + "query")).willReturn(aResponse().withStatus(401)));

        ProviderApiException refused =
                assertThrows(ProviderApiException.class, () -> read(DataType.BILLS, Optional.empty()));

        assertEquals(ProviderApiException.Reason.UNAUTHORIZED, refused.reason());
    }

    @Test
    void aServerErrorEndsTheReadWithTheStatus() {
        intuit.stubFor(get(urlPathEqualTo(COMPANY + "preferences"))
                .willReturn(aResponse().withStatus(500)));
        stub(COMPANY + "companyinfo/" + REALM, "quickbooks/companyinfo.json");

        ProviderApiException failed =
                assertThrows(ProviderApiException.class, () -> read(DataType.COMPANY_INFO, Optional.empty()));

        assertEquals(ProviderApiException.Reason.PROVIDER_ERROR, failed.reason());
        assertEquals("The data API answered 500 to preferences", failed.getMessage());
    }

    @Test
    void withoutARealmIdNothingIsAskedAndTheBusinessIsToldToReconnect() {
        ProviderApiException failed = assertThrows(
                ProviderApiException.class,
                () -> api.fetch(new ProviderApi.Read(
                        QUICKBOOKS, DataType.INVOICES, "qbo-access", Optional.empty(), Optional.empty())));

        assertTrue(failed.getMessage().contains("reconnect"), failed.getMessage());
        assertEquals(0, intuit.getAllServeEvents().size());
    }

    private List<JsonNode> read(DataType type, Optional<Instant> since) throws ProviderApiException {
        return api.fetch(new ProviderApi.Read(QUICKBOOKS, type, "qbo-access", Optional.of(REALM), since));
    }

    private static void stub(String path, String fixture) {
        intuit.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(ProviderFixtures.body(fixture))));
    }
}
