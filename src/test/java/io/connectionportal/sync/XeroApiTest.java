package io.connectionportal.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
 * Xero's data client against WireMock answering with Xero's documented examples ({@code providers/xero/README.md}):
 * every type mapped to the portal's shapes, paging, the tenant header, rate limits, incremental reads and errors. The
 * runner's part (a 401 refreshes the token once and retries; an error ends the run FAILED with the message) is the
 * same for every client and proven in {@code SyncTest}.
 */
class XeroApiTest {

    private static final String TENANT = "b2c885a9-4bb9-4a00-9b6e-6c2bf60b1a2b";
    private static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private static final Platform XERO = ProviderFixtures.accounting("xero");

    private static WireMockServer xero;
    private XeroApi api;

    @BeforeAll
    static void startXero() {
        xero = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        xero.start();
    }

    @AfterAll
    static void stopXero() {
        xero.stop();
    }

    @BeforeEach
    void freshStubs() {
        xero.resetAll();
        ObjectMapper json = new ObjectMapper();
        // Two invoices a page here, so the documented two-invoice example fills page 1 and page 2 ends the list.
        api = new XeroApi(
                new ProviderHttp(json),
                platform -> Optional.of("http://127.0.0.1:" + xero.port()),
                new XeroRecords(json, DECEMBER),
                DECEMBER,
                2);
    }

    @Test
    void organisationDetailsBecomeTheCompanyRecord() throws Exception {
        stub("/api.xro/2.0/Organisation", "xero/organisation.json");

        JsonNode company = single(read(DataType.COMPANY_INFO, Optional.empty()));

        assertEquals(TENANT, company.path("id").asText());
        assertEquals("Maple Florists Limited", company.path("legalName").asText());
        assertEquals("Maple Florists", company.path("tradingName").asText());
        assertEquals("2345678", company.path("registrationNumber").asText());
        assertEquals("101-2-303", company.path("taxNumber").asText());
        assertEquals("NZD", company.path("baseCurrency").asText());
        assertEquals("03-31", company.path("financialYearEnd").asText());
        assertEquals("23 Main Street", company.path("address").path("line1").asText());
        assertEquals("6011", company.path("address").path("postalCode").asText());
        assertEquals("Wellington", company.path("address").path("city").asText());
        assertEquals("New Zealand", company.path("address").path("country").asText());
        xero.verify(getRequestedFor(urlPathEqualTo("/api.xro/2.0/Organisation"))
                .withHeader("xero-tenant-id", equalTo(TENANT))
                .withHeader("Authorization", equalTo("Bearer xero-access")));
    }

    @Test
    void accountsKeepTheirCodeClassAndStatus() throws Exception {
        stub("/api.xro/2.0/Accounts", "xero/accounts.json");

        List<JsonNode> accounts = read(DataType.CHART_OF_ACCOUNTS, Optional.empty());

        assertEquals(3, accounts.size());
        assertEquals(
                "ceef66a5-a545-413b-9312-78a53caadbc4",
                accounts.get(0).path("id").asText());
        assertEquals("090", accounts.get(0).path("code").asText());
        assertEquals("Business Bank Account", accounts.get(0).path("name").asText());
        assertEquals("ASSET", accounts.get(0).path("type").asText());
        assertEquals("ACTIVE", accounts.get(0).path("status").asText());
        assertEquals("REVENUE", accounts.get(1).path("type").asText());
        assertEquals("ARCHIVED", accounts.get(2).path("status").asText());
    }

    @Test
    void salesInvoicesAreReadPageAfterPageAndMapped() throws Exception {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices"))
                .withQueryParam("where", equalTo("Type==\"ACCREC\""))
                .withQueryParam("page", equalTo("1"))
                .willReturn(okJson(ProviderFixtures.body("xero/invoices-accrec.json"))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices"))
                .withQueryParam("where", equalTo("Type==\"ACCREC\""))
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson(ProviderFixtures.body("xero/invoices-accrec-page2.json"))));

        List<JsonNode> invoices = read(DataType.INVOICES, Optional.empty());

        assertEquals(3, invoices.size());
        JsonNode paid = invoices.get(0);
        assertEquals("4f7a1c2e-7b2b-4c1e-9a3c-2d5e6f708192", paid.path("id").asText());
        assertEquals("INV-0001", paid.path("number").asText());
        assertEquals("Marine Systems", paid.path("customerName").asText());
        assertEquals("2026-05-03", paid.path("issueDate").asText());
        assertEquals("2026-06-02", paid.path("dueDate").asText());
        assertEquals("NZD", paid.path("currency").asText());
        assertEquals(new BigDecimal("1000.00"), paid.path("netAmount").decimalValue());
        assertEquals(new BigDecimal("150.00"), paid.path("taxAmount").decimalValue());
        assertEquals(new BigDecimal("1150.00"), paid.path("totalAmount").decimalValue());
        assertEquals(0, BigDecimal.ZERO.compareTo(paid.path("amountDue").decimalValue()));
        assertEquals("PAID", paid.path("status").asText());
        assertEquals("2026-05-13", paid.path("paidDate").asText());
        assertEquals("OVERDUE", invoices.get(1).path("status").asText(), "authorised, due in October, unpaid");
        assertEquals("DRAFT", invoices.get(2).path("status").asText());
        xero.verify(
                2,
                getRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices")).withHeader("xero-tenant-id", equalTo(TENANT)));
    }

    @Test
    void purchaseInvoicesBecomeBills() throws Exception {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices"))
                .withQueryParam("where", equalTo("Type==\"ACCPAY\""))
                .willReturn(okJson(ProviderFixtures.body("xero/invoices-accpay.json"))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices"))
                .withQueryParam("where", equalTo("Type==\"ACCPAY\""))
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"Invoices\":[]}")));

        List<JsonNode> bills = read(DataType.BILLS, Optional.empty());

        assertEquals(2, bills.size());
        JsonNode open = bills.get(0);
        assertEquals("d1c2b3a4-9f8e-4d7c-b6a5-0f1e2d3c4b5a", open.path("id").asText());
        assertEquals("RPT445-1", open.path("reference").asText());
        assertEquals("PowerDirect", open.path("supplierName").asText());
        assertEquals(new BigDecimal("124.89"), open.path("totalAmount").decimalValue());
        assertEquals(new BigDecimal("124.89"), open.path("amountDue").decimalValue());
        assertEquals("OPEN", open.path("status").asText(), "authorised, due on 20 December");
        assertTrue(open.path("paidDate").isNull());
        assertEquals("Office rent October", bills.get(1).path("reference").asText());
        assertEquals("VOID", bills.get(1).path("status").asText());
    }

    @Test
    void theLastMonthsProfitAndLossAndBalanceSheetAreRead() throws Exception {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Reports/ProfitAndLoss"))
                .withQueryParam("fromDate", equalTo("2026-11-01"))
                .withQueryParam("toDate", equalTo("2026-11-30"))
                .willReturn(okJson(ProviderFixtures.body("xero/report-profit-and-loss.json"))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Reports/BalanceSheet"))
                .withQueryParam("date", equalTo("2026-11-30"))
                .willReturn(okJson(ProviderFixtures.body("xero/report-balance-sheet.json"))));

        List<JsonNode> statements = read(DataType.FINANCIAL_STATEMENTS, Optional.empty());

        JsonNode pl = statements.get(0);
        assertEquals("pl-2026-11", pl.path("id").asText());
        assertEquals("PROFIT_AND_LOSS", pl.path("type").asText());
        assertEquals("2026-11-01", pl.path("periodStart").asText());
        assertEquals("2026-11-30", pl.path("periodEnd").asText());
        assertEquals(
                new BigDecimal("20825.41"), pl.path("lines").path("revenue").decimalValue());
        assertEquals(
                new BigDecimal("1137.59"), pl.path("lines").path("costOfSales").decimalValue());
        assertEquals(
                new BigDecimal("19687.82"), pl.path("lines").path("grossProfit").decimalValue());
        assertEquals(
                new BigDecimal("3644.47"),
                pl.path("lines").path("operatingExpenses").decimalValue());
        assertEquals(
                new BigDecimal("16043.35"), pl.path("lines").path("netProfit").decimalValue());
        JsonNode bs = statements.get(1);
        assertEquals("BALANCE_SHEET", bs.path("type").asText());
        assertEquals("2026-11-30", bs.path("periodEnd").asText());
        assertEquals(new BigDecimal("12850.20"), bs.path("lines").path("cash").decimalValue());
        assertEquals(
                new BigDecimal("4600.00"),
                bs.path("lines").path("accountsReceivable").decimalValue());
        assertEquals(
                new BigDecimal("19953.20"), bs.path("lines").path("totalAssets").decimalValue());
        assertEquals(
                new BigDecimal("124.89"),
                bs.path("lines").path("accountsPayable").decimalValue());
        assertEquals(new BigDecimal("19826.72"), bs.path("lines").path("equity").decimalValue());
    }

    @Test
    void anIncrementalReadAsksOnlyForWhatChangedSinceTheLastSync() throws Exception {
        stub("/api.xro/2.0/Accounts", "xero/accounts.json");

        read(DataType.CHART_OF_ACCOUNTS, Optional.of(Instant.parse("2026-11-30T06:15:00Z")));
        read(DataType.CHART_OF_ACCOUNTS, Optional.empty());

        xero.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api.xro/2.0/Accounts"))
                        .withHeader("If-Modified-Since", equalTo("Mon, 30 Nov 2026 06:15:00 GMT")));
        xero.verify(
                1, getRequestedFor(urlPathEqualTo("/api.xro/2.0/Accounts")).withHeader("If-Modified-Since", absent()));
        assertTrue(api.incremental(DataType.INVOICES));
        assertTrue(api.incremental(DataType.BILLS));
        assertTrue(!api.incremental(DataType.COMPANY_INFO) && !api.incremental(DataType.FINANCIAL_STATEMENTS));
    }

    @Test
    void aRateLimitIsWaitedOutAsXeroAsksThenTheReadGoesOn() throws Exception {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Accounts"))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("X-Rate-Limit-Problem", "minute"))
                .willSetStateTo("waited"));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Accounts"))
                .inScenario("limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson(ProviderFixtures.body("xero/accounts.json"))));

        assertEquals(3, read(DataType.CHART_OF_ACCOUNTS, Optional.empty()).size());
        xero.verify(2, getRequestedFor(urlPathEqualTo("/api.xro/2.0/Accounts")));
    }

    @Test
    void a401TellsTheRunnerToRefreshTheToken() {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Accounts"))
                .willReturn(aResponse().withStatus(401)));

        ProviderApiException refused =
                assertThrows(ProviderApiException.class, () -> read(DataType.CHART_OF_ACCOUNTS, Optional.empty()));

        assertEquals(ProviderApiException.Reason.UNAUTHORIZED, refused.reason());
    }

    @Test
    void aServerErrorEndsTheReadWithTheStatus() {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Organisation"))
                .willReturn(aResponse().withStatus(500)));

        ProviderApiException failed =
                assertThrows(ProviderApiException.class, () -> read(DataType.COMPANY_INFO, Optional.empty()));

        assertEquals(ProviderApiException.Reason.PROVIDER_ERROR, failed.reason());
        assertEquals("The data API answered 500 to Organisation", failed.getMessage());
    }

    @Test
    void withoutAChosenOrganisationNothingIsAskedAndTheBusinessIsToldToChooseIt() {
        ProviderApiException failed = assertThrows(
                ProviderApiException.class,
                () -> api.fetch(new ProviderApi.Read(
                        XERO, DataType.INVOICES, "xero-access", Optional.empty(), Optional.empty())));

        assertTrue(failed.getMessage().contains("choose it on the connection page"), failed.getMessage());
        assertEquals(0, xero.getAllServeEvents().size());
    }

    @Test
    void onlyRealXeroConnectionsAreServed() {
        assertTrue(api.serves(XERO, false));
        assertTrue(!api.serves(XERO, true));
        assertTrue(!api.serves(ProviderFixtures.accounting("myob"), false));
    }

    private List<JsonNode> read(DataType type, Optional<Instant> since) throws ProviderApiException {
        return api.fetch(new ProviderApi.Read(XERO, type, "xero-access", Optional.of(TENANT), since));
    }

    private static JsonNode single(List<JsonNode> records) {
        assertEquals(1, records.size());
        return records.get(0);
    }

    private static void stub(String path, String fixture) {
        xero.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(ProviderFixtures.body(fixture))));
    }
}
