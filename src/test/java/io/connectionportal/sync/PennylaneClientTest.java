package io.connectionportal.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * Pennylane's data client against WireMock answering with the documented bodies ({@code providers/pennylane/}):
 * every kind of data read is mapped to the portal's shapes with its values, lists are read over every cursor page,
 * and the provider's refusals reach the sync as what they are.
 */
class PennylaneClientTest {

    private static final String TOKEN = "pennylane-access-token";
    private static final Platform PENNYLANE = ProviderStubs.platform(
            "pennylane",
            Category.ACCOUNTING,
            List.of(
                    DataType.COMPANY_INFO,
                    DataType.CHART_OF_ACCOUNTS,
                    DataType.INVOICES,
                    DataType.BILLS,
                    DataType.FINANCIAL_STATEMENTS));

    private static WireMockServer pennylane;

    private final ObjectMapper json = new ObjectMapper();
    private final PennylaneClient client = new PennylaneClient(new ProviderHttp(json), new PennylaneRecords(json));

    @BeforeAll
    static void start() {
        pennylane = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        pennylane.start();
    }

    @AfterAll
    static void stop() {
        pennylane.stop();
    }

    @BeforeEach
    void reset() {
        pennylane.resetAll();
    }

    private String base() {
        return "http://127.0.0.1:" + pennylane.port() + "/api/external/v2";
    }

    private List<JsonNode> read(DataType type) throws ProviderApiException {
        return client.fetch(new ProviderApi.Read(PENNYLANE, type, TOKEN, Optional.empty(), Optional.empty()), base());
    }

    private static Map<String, JsonNode> byId(List<JsonNode> records) {
        return records.stream().collect(Collectors.toMap(r -> r.get("id").asText(), r -> r));
    }

    private static void assertAmount(String expected, JsonNode record, String field) {
        assertTrue(record.get(field).isNumber(), field + " is a JSON number");
        assertEquals(0, new BigDecimal(expected).compareTo(record.get(field).decimalValue()), field);
    }

    @Test
    void companyDetailsComeFromMeWithTheSirenAsRegistrationNumberAndNothingOfTheUser() throws Exception {
        pennylane.stubFor(
                get(urlPathEqualTo("/api/external/v2/me")).willReturn(okJson(ProviderStubs.body("pennylane/me.json"))));

        List<JsonNode> company = read(DataType.COMPANY_INFO);

        assertEquals(1, company.size());
        JsonNode details = company.get(0);
        assertEquals("123456", details.get("id").asText());
        assertEquals("Pennylane", details.get("legalName").asText());
        assertEquals("012345678", details.get("registrationNumber").asText(), "nine digits, the leading zero kept");
        assertEquals("EUR", details.get("baseCurrency").asText());
        String stored = details.toString();
        assertFalse(stored.contains("john.doe") || stored.contains("Doe"), "nothing of the signed-in user: " + stored);
        pennylane.verify(getRequestedFor(urlPathEqualTo("/api/external/v2/me"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void ledgerAccountsAreReadOverEveryCursorPageAndTypedByTheFrenchChartOfAccounts() throws Exception {
        pennylane.stubFor(get(urlPathEqualTo("/api/external/v2/ledger_accounts"))
                .withQueryParam("limit", equalTo("100"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson(ProviderStubs.body("pennylane/ledger_accounts-1.json"))));
        pennylane.stubFor(get(urlPathEqualTo("/api/external/v2/ledger_accounts"))
                .withQueryParam("cursor", equalTo("dXBkYXRlZF9hdDoxNjc0MTIzNDU2"))
                .willReturn(okJson(ProviderStubs.body("pennylane/ledger_accounts-2.json"))));

        Map<String, JsonNode> accounts = byId(read(DataType.CHART_OF_ACCOUNTS));

        assertEquals(4, accounts.size(), "both pages");
        assertEquals("512", accounts.get("124").get("code").asText());
        assertEquals("Secondary Account", accounts.get("124").get("name").asText());
        assertEquals("ASSET", accounts.get("124").get("type").asText());
        assertEquals("ASSET", accounts.get("125").get("type").asText(), "411 customers");
        assertEquals("REVENUE", accounts.get("126").get("type").asText());
        assertEquals("EXPENSE", accounts.get("127").get("type").asText());
        assertEquals("ACTIVE", accounts.get("126").get("status").asText());
        assertEquals("ARCHIVED", accounts.get("127").get("status").asText(), "a disabled account");
        assertEquals(
                2,
                pennylane
                        .findAll(getRequestedFor(urlPathEqualTo("/api/external/v2/ledger_accounts"))
                                .withHeader("X-Use-2026-API-Changes", equalTo("true")))
                        .size());
    }

    @Test
    void customerInvoicesBecomeInvoicesWithAmountsAsNumbersAndTheirStatus() throws Exception {
        pennylane.stubFor(get(urlPathEqualTo("/api/external/v2/customer_invoices"))
                .willReturn(okJson(ProviderStubs.body("pennylane/customer_invoices.json"))));

        Map<String, JsonNode> invoices = byId(read(DataType.INVOICES));

        JsonNode due = invoices.get("42");
        assertEquals("F20230001", due.get("number").asText());
        assertEquals("2023-08-30", due.get("issueDate").asText());
        assertEquals("2023-09-30", due.get("dueDate").asText());
        assertEquals("EUR", due.get("currency").asText());
        assertAmount("196.32", due, "netAmount");
        assertAmount("34.0", due, "taxAmount");
        assertAmount("230.32", due, "totalAmount");
        assertAmount("20.0", due, "amountDue");
        assertEquals("OVERDUE", due.get("status").asText(), "unpaid after its deadline");
        assertEquals("PAID", invoices.get("43").get("status").asText());
        assertAmount("0.0", invoices.get("43"), "amountDue");
        assertEquals("DRAFT", invoices.get("44").get("status").asText());
        assertFalse(due.has("customerName"), "Pennylane's list names no customer; none is invented");
    }

    @Test
    void supplierInvoicesBecomeBills() throws Exception {
        pennylane.stubFor(get(urlPathEqualTo("/api/external/v2/supplier_invoices"))
                .willReturn(okJson(ProviderStubs.body("pennylane/supplier_invoices.json"))));

        Map<String, JsonNode> bills = byId(read(DataType.BILLS));

        JsonNode open = bills.get("123");
        assertEquals("F20230001", open.get("reference").asText());
        assertEquals("2023-08-30", open.get("issueDate").asText());
        assertAmount("196.32", open, "netAmount");
        assertAmount("230.32", open, "totalAmount");
        assertAmount("20.0", open, "amountDue");
        assertEquals("OPEN", open.get("status").asText(), "its deadline is still ahead");
        assertEquals("PAID", bills.get("124").get("status").asText());
    }

    @Test
    void financialStatementsAreNotReadAndNoScopeIsAskedForThem() {
        PennylaneApi api = new PennylaneApi(null, new ProviderHttp(json), new PennylaneRecords(json));

        assertFalse(api.reads(DataType.FINANCIAL_STATEMENTS));
        assertTrue(api.reads(DataType.INVOICES));
        assertFalse(api.incremental(DataType.INVOICES), "no updated_at filter is documented for v2 lists");
        assertTrue(api.serves(PENNYLANE, false));
        assertFalse(api.serves(PENNYLANE, true), "a sandbox connection reads the sandbox");
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterAsksThenTheReadGoesOn() throws Exception {
        pennylane.stubFor(get(urlPathEqualTo("/api/external/v2/supplier_invoices"))
                .inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("retry-after", "1")
                        .withHeader("ratelimit-limit", "25")
                        .withHeader("ratelimit-remaining", "0")
                        .withBody("Rate limit exceeded. Please retry in 1 seconds."))
                .willSetStateTo("waited"));
        pennylane.stubFor(get(urlPathEqualTo("/api/external/v2/supplier_invoices"))
                .inScenario("rate limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson(ProviderStubs.body("pennylane/supplier_invoices.json"))));

        assertEquals(2, read(DataType.BILLS).size());
        assertEquals(
                2,
                pennylane
                        .findAll(getRequestedFor(urlPathEqualTo("/api/external/v2/supplier_invoices")))
                        .size());
    }

    @Test
    void a401TellsTheSyncTheTokenIsRefusedSoItRefreshesAndTriesAgain() {
        pennylane.stubFor(get(urlPathEqualTo("/api/external/v2/me"))
                .willReturn(aResponse().withStatus(401)));

        ProviderApiException refused = assertThrows(ProviderApiException.class, () -> read(DataType.COMPANY_INFO));

        assertEquals(ProviderApiException.Reason.UNAUTHORIZED, refused.reason());
    }

    @Test
    void aServerErrorEndsTheReadWithTheStatusAndTheEndpointInItsMessage() {
        pennylane.stubFor(get(urlPathEqualTo("/api/external/v2/customer_invoices"))
                .willReturn(aResponse().withStatus(500)));

        ProviderApiException failed = assertThrows(ProviderApiException.class, () -> read(DataType.INVOICES));

        assertEquals(ProviderApiException.Reason.PROVIDER_ERROR, failed.reason());
        assertEquals("The data API answered 500 to Pennylane /customer_invoices", failed.getMessage());
    }
}
