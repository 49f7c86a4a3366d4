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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
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
 * Qonto's data client against WireMock answering with the documented bodies ({@code providers/qonto/}): bank accounts
 * with their IBAN masked (never stored whole), every account's transactions over every page with signed amounts, an
 * incremental read asking only for what changed, and the provider's refusals reaching the sync as what they are.
 */
class QontoClientTest {

    private static final String TOKEN = "qonto-access-token";
    private static final String MAIN_ACCOUNT = "018f71db-c635-78b5-b90a-ea05de98c2bf";
    private static final String MAIN_IBAN = "FR7616798000010000005663951";
    private static final String TAXES_IBAN = "FR7616798000010000004321396";
    private static final Platform QONTO = ProviderStubs.platform(
            "qonto", Category.BANKING, List.of(DataType.BANK_ACCOUNTS, DataType.BANK_TRANSACTIONS));

    private static WireMockServer qonto;

    private final ObjectMapper json = new ObjectMapper();
    private final QontoClient client = new QontoClient(new ProviderHttp(json), new QontoRecords(json));

    @BeforeAll
    static void start() {
        qonto = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        qonto.start();
    }

    @AfterAll
    static void stop() {
        qonto.stop();
    }

    @BeforeEach
    void stubTheOrganization() {
        qonto.resetAll();
        qonto.stubFor(get(urlPathEqualTo("/v2/organization"))
                .willReturn(okJson(ProviderStubs.body("qonto/organization.json"))));
    }

    private void stubTransactions() {
        qonto.stubFor(get(urlPathEqualTo("/v2/transactions"))
                .withQueryParam("bank_account_id", equalTo(MAIN_ACCOUNT))
                .withQueryParam("page", equalTo("1"))
                .willReturn(okJson(ProviderStubs.body("qonto/transactions-1.json"))));
        qonto.stubFor(get(urlPathEqualTo("/v2/transactions"))
                .withQueryParam("bank_account_id", equalTo(MAIN_ACCOUNT))
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson(ProviderStubs.body("qonto/transactions-2.json"))));
        qonto.stubFor(get(urlPathEqualTo("/v2/transactions"))
                .withQueryParam("iban", equalTo(TAXES_IBAN))
                .willReturn(okJson(ProviderStubs.body("qonto/transactions-taxes.json"))));
    }

    private String base() {
        return "http://127.0.0.1:" + qonto.port() + "/v2";
    }

    private List<JsonNode> read(DataType type, Optional<Instant> since) throws ProviderApiException {
        return client.fetch(new ProviderApi.Read(QONTO, type, TOKEN, Optional.empty(), since), base());
    }

    private static Map<String, JsonNode> byId(List<JsonNode> records) {
        return records.stream().collect(Collectors.toMap(r -> r.get("id").asText(), r -> r));
    }

    private static void assertAmount(String expected, JsonNode record, String field) {
        assertTrue(record.get(field).isNumber(), field + " is a JSON number");
        assertEquals(0, new BigDecimal(expected).compareTo(record.get(field).decimalValue()), field);
    }

    private static void assertNoIban(List<JsonNode> records) {
        String stored = records.toString();
        for (String iban : List.of(MAIN_IBAN, TAXES_IBAN, "NL93RABO3730976796")) {
            assertFalse(stored.contains(iban), "no full IBAN is kept: " + stored);
            assertFalse(stored.contains(iban.substring(4, iban.length() - 4)), "nor its middle");
        }
    }

    @Test
    void bankAccountsKeepTheirNameBalanceAndAMaskedIbanNeverTheWholeOne() throws Exception {
        List<JsonNode> records = read(DataType.BANK_ACCOUNTS, Optional.empty());

        Map<String, JsonNode> accounts = byId(records);
        assertEquals(2, accounts.size());
        JsonNode main = accounts.get(MAIN_ACCOUNT);
        assertEquals("Main account", main.get("name").asText());
        assertEquals("FR76 •••• 3951", main.get("maskedAccountNumber").asText());
        assertEquals("EUR", main.get("currency").asText());
        assertAmount("142188.43", main, "balance");
        assertEquals("CURRENT", main.get("type").asText());
        assertEquals("Qonto", main.get("institution").asText());
        JsonNode taxes = accounts.get("super-bankaccount-7150");
        assertEquals("FR76 •••• 1396", taxes.get("maskedAccountNumber").asText(), "an account without id: its slug");
        assertAmount("100.00", taxes, "balance");
        assertNoIban(records);
        qonto.verify(getRequestedFor(urlPathEqualTo("/v2/organization"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void transactionsOfEveryAccountAreReadOverEveryPageWithDebitsNegative() throws Exception {
        stubTransactions();

        List<JsonNode> records = read(DataType.BANK_TRANSACTIONS, Optional.empty());

        Map<String, JsonNode> transactions = byId(records);
        assertEquals(3, transactions.size(), "two pages of the main account and the taxes account");
        JsonNode fuel = transactions.get("df346899-3595-421a-8b26-f9d9616ce496");
        assertEquals(MAIN_ACCOUNT, fuel.get("accountId").asText());
        assertEquals("2021-03-03", fuel.get("date").asText());
        assertEquals("Ferry-Purdy", fuel.get("description").asText());
        assertEquals("gas_station", fuel.get("category").asText());
        assertEquals("DEBIT", fuel.get("type").asText());
        assertAmount("-0.43", fuel, "amount");
        assertEquals("EUR", fuel.get("currency").asText());
        assertEquals("COMPLETED", fuel.get("status").asText());
        JsonNode sale = transactions.get("0b1d1a1e-0000-4a4a-8b8b-000000000002");
        assertEquals("CREDIT", sale.get("type").asText());
        assertAmount("1250.00", sale, "amount");
        assertEquals("2021-03-05", sale.get("date").asText(), "23:30 UTC is the next day in Paris");
        JsonNode tax = transactions.get("0b1d1a1e-0000-4a4a-8b8b-000000000003");
        assertEquals("super-bankaccount-7150", tax.get("accountId").asText());
        assertEquals("2021-03-05", tax.get("date").asText(), "not settled yet: the day it was emitted");
        assertEquals("PENDING", tax.get("status").asText());
        assertAmount("-300.00", tax, "amount");
        assertNoIban(records);
        assertEquals(
                2,
                qonto.findAll(getRequestedFor(urlPathEqualTo("/v2/transactions"))
                                .withQueryParam("bank_account_id", equalTo(MAIN_ACCOUNT))
                                .withQueryParam("per_page", equalTo("100"))
                                .withQueryParam("updated_at_from", absent()))
                        .size());
    }

    @Test
    void anIncrementalReadAsksOnlyForTransactionsUpdatedSinceTheLastSync() throws Exception {
        stubTransactions();
        Instant since = Instant.parse("2021-03-01T08:50:00Z");

        read(DataType.BANK_TRANSACTIONS, Optional.of(since));

        assertEquals(
                3,
                qonto.findAll(getRequestedFor(urlPathEqualTo("/v2/transactions"))
                                .withQueryParam("updated_at_from", equalTo("2021-03-01T08:50:00Z")))
                        .size(),
                "every page of every account");
        QontoApi api = new QontoApi(null, new ProviderHttp(json), new QontoRecords(json));
        assertTrue(api.incremental(DataType.BANK_TRANSACTIONS), "what changed is merged into what is stored");
        assertFalse(api.incremental(DataType.BANK_ACCOUNTS), "accounts are read whole every time");
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterAsksThenTheReadGoesOn() throws Exception {
        qonto.stubFor(get(urlPathEqualTo("/v2/organization"))
                .inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("waited"));
        qonto.stubFor(get(urlPathEqualTo("/v2/organization"))
                .inScenario("rate limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson(ProviderStubs.body("qonto/organization.json"))));

        assertEquals(2, read(DataType.BANK_ACCOUNTS, Optional.empty()).size());
        assertEquals(
                2,
                qonto.findAll(getRequestedFor(urlPathEqualTo("/v2/organization")))
                        .size());
    }

    @Test
    void a401TellsTheSyncTheTokenIsRefusedSoItRefreshesAndTriesAgain() {
        qonto.stubFor(
                get(urlPathEqualTo("/v2/organization")).willReturn(aResponse().withStatus(401)));

        ProviderApiException refused =
                assertThrows(ProviderApiException.class, () -> read(DataType.BANK_ACCOUNTS, Optional.empty()));

        assertEquals(ProviderApiException.Reason.UNAUTHORIZED, refused.reason());
    }

    @Test
    void aServerErrorEndsTheReadWithTheStatusAndTheEndpointInItsMessage() {
        stubTransactions();
        qonto.stubFor(get(urlPathEqualTo("/v2/transactions"))
                .withQueryParam("iban", equalTo(TAXES_IBAN))
                .willReturn(aResponse().withStatus(500)));

        ProviderApiException failed =
                assertThrows(ProviderApiException.class, () -> read(DataType.BANK_TRANSACTIONS, Optional.empty()));

        assertEquals(ProviderApiException.Reason.PROVIDER_ERROR, failed.reason());
        assertEquals("The data API answered 500 to Qonto /transactions", failed.getMessage());
        assertFalse(failed.getMessage().contains(TAXES_IBAN), "the message names no IBAN");
    }
}
