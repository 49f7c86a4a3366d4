package io.connectionportal.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.RealConnections;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.ShopifyProvider;

/**
 * Shopify's data read for real (REST Admin API on WireMock, bodies following the documented examples): orders,
 * payouts and customers mapped to the portal's shapes, on the shop's own host, with the token in
 * X-Shopify-Access-Token, pages followed through the Link header, 429 waited out, incremental reads merged.
 */
@QuarkusTest
class ShopifyApiTest {

    @ShopifyProvider.Server
    WireMockServer shopify;

    @Inject
    SyncJobs jobs;

    @Inject
    SyncWorker worker;

    @Inject
    SyncHistory history;

    @Inject
    ObjectMapper json;

    private record Shop(String name, long companyId, long connectionId) {}

    @BeforeEach
    void forgetEarlierStubs() {
        shopify.resetAll();
    }

    private static Shop linked(String shop, String access) {
        Browser browser = new Browser();
        String email = browser.signUp("Shopify " + shop + " Co");
        long connection = RealConnections.linked(
                email, "shopify", access, "refresh-" + shop, Instant.now().plus(1, ChronoUnit.HOURS));
        if (shop != null) {
            Rows.execute("update connection set provider_account_id = ?1 where id = ?2", shop, connection);
        }
        long company =
                ((Number) Rows.single("select company_id from connection where id = ?1", connection)).longValue();
        return new Shop(shop, company, connection);
    }

    private SyncRunView sync(Shop shop, int runs) {
        return sync(shop, runs, Trigger.MANUAL);
    }

    private SyncRunView sync(Shop shop, int runs, Trigger trigger) {
        assertTrue(jobs.enqueue(shop.connectionId(), trigger).isPresent());
        worker.runPending();
        List<SyncRunView> done = history.forConnection(shop.companyId(), shop.connectionId());
        assertEquals(runs, done.size());
        return done.get(0);
    }

    /** The stub's address as the portal is configured with it (127.0.0.1, not localhost). */
    private String base() {
        return "http://127.0.0.1:" + shopify.port();
    }

    private String api(String shop) {
        return ShopifyProvider.apiPath(shop);
    }

    /** Orders over two pages (Link rel="next"), payouts and customers, each answering only the given token. */
    private void stubShop(String shop, String token) {
        String next = base() + api(shop) + "/orders.json?limit=250&page_info=eyJsYXN0X2lkIjo0NTA3ODk0Njl9";
        shopify.stubFor(get(urlPathEqualTo(api(shop) + "/orders.json"))
                .withQueryParam("page_info", absent())
                .withQueryParam("status", equalTo("any"))
                .withQueryParam("limit", equalTo("250"))
                .withHeader("X-Shopify-Access-Token", equalTo(token))
                .willReturn(okJson(ShopifyProvider.body("orders-page-1.json"))
                        .withHeader("Link", "<" + next + ">; rel=\"next\"")));
        shopify.stubFor(get(urlPathEqualTo(api(shop) + "/orders.json"))
                .withQueryParam("page_info", equalTo("eyJsYXN0X2lkIjo0NTA3ODk0Njl9"))
                .withHeader("X-Shopify-Access-Token", equalTo(token))
                .willReturn(okJson(ShopifyProvider.body("orders-page-2.json"))
                        .withHeader(
                                "Link",
                                "<" + base() + api(shop) + "/orders.json?limit=250&page_info=prev>;"
                                        + " rel=\"previous\"")));
        shopify.stubFor(get(urlPathEqualTo(api(shop) + "/shopify_payments/payouts.json"))
                .withHeader("X-Shopify-Access-Token", equalTo(token))
                .willReturn(okJson(ShopifyProvider.body("payouts.json"))));
        shopify.stubFor(get(urlPathEqualTo(api(shop) + "/customers.json"))
                .withHeader("X-Shopify-Access-Token", equalTo(token))
                .willReturn(okJson(ShopifyProvider.body("customers.json"))));
    }

    private JsonNode stored(Shop shop, String type, String id) throws Exception {
        return json.readTree((String) Rows.single(
                "select payload from synced_record where connection_id = ?1 and data_type = ?2 and external_id = ?3",
                shop.connectionId(),
                type,
                id));
    }

    /** Amounts are JSON numbers; compared as numbers (597.00 is 597.0 once stored). */
    private static void assertAmount(String expected, JsonNode actual) {
        assertTrue(actual.isNumber(), "a JSON number: " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), expected + " vs " + actual);
    }

    @Test
    void everyKindOfDataIsReadFromTheShopAndMapped() throws Exception {
        Shop shop = linked("mapped-shop", "shpat_mapped");
        stubShop("mapped-shop", "shpat_mapped");

        SyncRunView run = sync(shop, 1);

        assertEquals(SyncOutcome.SUCCESS, run.outcome(), run.errorMessage().orElse(""));
        assertEquals(
                3,
                Rows.count("synced_record", "connection_id = ?1 and data_type = 'ORDERS'", shop.connectionId()),
                "both pages of orders");
        JsonNode order = stored(shop, "ORDERS", "450789469");
        assertEquals("#1001", order.path("number").asText());
        assertEquals("2008-01-10T16:00Z", order.path("createdAt").asText(), "in UTC");
        assertEquals("207119551", order.path("customerId").asText());
        assertEquals(3, order.path("itemCount").asInt());
        assertAmount("597.00", order.path("subtotal"));
        assertAmount("0.00", order.path("shipping"));
        assertAmount("11.94", order.path("tax"));
        assertAmount("598.94", order.path("total"));
        assertEquals("USD", order.path("currency").asText());
        assertEquals("PARTIALLY_REFUNDED", order.path("financialStatus").asText());
        assertEquals("UNFULFILLED", order.path("fulfillmentStatus").asText());
        assertEquals("US", order.path("shippingCountry").asText());
        assertFalse(order.toString().contains("Norman") || order.toString().contains("@"), "no personal data");
        JsonNode partial = stored(shop, "ORDERS", "1073459963");
        assertEquals("PARTIAL", partial.path("fulfillmentStatus").asText());
        assertEquals(4, partial.path("itemCount").asInt());
        assertAmount("4.90", stored(shop, "ORDERS", "1073459962").path("shipping"));

        JsonNode payout = stored(shop, "PAYOUTS", "623721858");
        assertEquals("2012-11-12", payout.path("date").asText());
        assertAmount("43.11", payout.path("grossAmount"));
        assertAmount("1.21", payout.path("fees"));
        assertAmount("41.90", payout.path("amount"));
        assertEquals("USD", payout.path("currency").asText());
        assertEquals("PAID", payout.path("status").asText());
        assertEquals(
                "IN_TRANSIT",
                stored(shop, "PAYOUTS", "854088011").path("status").asText());

        JsonNode customer = stored(shop, "CUSTOMERS", "207119551");
        assertEquals("2026-10-01T14:00Z", customer.path("createdAt").asText());
        assertEquals("Louisville", customer.path("city").asText());
        assertEquals("US", customer.path("country").asText());
        assertEquals(1, customer.path("ordersCount").asInt());
        assertAmount("199.65", customer.path("totalSpent"));
        assertEquals("USD", customer.path("currency").asText());
        String kept = customer.toString();
        assertFalse(
                kept.contains("Bob") || kept.contains("@") || kept.contains("Chestnut") || kept.contains("6136120707"),
                "a customer keeps no name, e-mail, street or phone: " + kept);

        shopify.verify(getRequestedFor(urlPathEqualTo(api("mapped-shop") + "/orders.json"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void aRateLimitedReadWaitsAsToldThenSucceeds() {
        Shop shop = linked("busy-shop", "shpat_busy");
        stubShop("busy-shop", "shpat_busy");
        shopify.stubFor(get(urlPathEqualTo(api("busy-shop") + "/customers.json"))
                .inScenario("leaky bucket")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withBody("{\"errors\":\"Exceeded 2 calls per second for api client. Reduce request rates"
                                + " to resume uninterrupted service.\"}"))
                .willSetStateTo("drained"));
        shopify.stubFor(get(urlPathEqualTo(api("busy-shop") + "/customers.json"))
                .inScenario("leaky bucket")
                .whenScenarioStateIs("drained")
                .willReturn(okJson(ShopifyProvider.body("customers.json"))));

        SyncRunView run = sync(shop, 1);

        assertEquals(SyncOutcome.SUCCESS, run.outcome(), run.errorMessage().orElse(""));
        assertEquals(
                1, Rows.count("synced_record", "connection_id = ?1 and data_type = 'CUSTOMERS'", shop.connectionId()));
        assertEquals(
                2,
                shopify.findAll(getRequestedFor(urlPathEqualTo(api("busy-shop") + "/customers.json")))
                        .size());
    }

    @Test
    void aLaterSyncAsksOnlyForWhatChangedAndMergesIt() throws Exception {
        Shop shop = linked("changing-shop", "shpat_changing");
        stubShop("changing-shop", "shpat_changing");
        assertEquals(SyncOutcome.SUCCESS, sync(shop, 1).outcome());
        shopify.resetRequests();
        String changed = ShopifyProvider.body("orders-page-2.json").replace("\"pending\"", "\"paid\"");
        shopify.stubFor(get(urlPathEqualTo(api("changing-shop") + "/orders.json"))
                .withQueryParam("updated_at_min", matching("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .willReturn(okJson(changed)));
        shopify.stubFor(get(urlPathEqualTo(api("changing-shop") + "/customers.json"))
                .withQueryParam("updated_at_min", matching(".+"))
                .willReturn(okJson("{\"customers\":[]}")));

        SyncRunView second = sync(shop, 2, Trigger.SCHEDULED);

        assertEquals(
                SyncOutcome.SUCCESS, second.outcome(), second.errorMessage().orElse(""));
        assertEquals(
                3,
                Rows.count("synced_record", "connection_id = ?1 and data_type = 'ORDERS'", shop.connectionId()),
                "the changed order merged into the three kept");
        assertEquals(
                "PAID",
                stored(shop, "ORDERS", "1073459963").path("financialStatus").asText());
        assertEquals(
                1, Rows.count("synced_record", "connection_id = ?1 and data_type = 'CUSTOMERS'", shop.connectionId()));
        shopify.verify(getRequestedFor(urlPathEqualTo(api("changing-shop") + "/shopify_payments/payouts.json"))
                .withQueryParam("updated_at_min", absent()));
        assertEquals(
                2,
                Rows.count("synced_record", "connection_id = ?1 and data_type = 'PAYOUTS'", shop.connectionId()),
                "payouts have no modified-since filter: read whole");
    }

    @Test
    void aShopifyErrorFailsTheRunWithItsStatus() {
        Shop shop = linked("broken-shop", "shpat_broken");
        stubShop("broken-shop", "shpat_broken");
        shopify.stubFor(get(urlPathEqualTo(api("broken-shop") + "/shopify_payments/payouts.json"))
                .willReturn(aResponse().withStatus(500).withBody("{\"errors\":\"Internal Server Error\"}")));

        SyncRunView run = sync(shop, 1);

        assertEquals(SyncOutcome.FAILED, run.outcome());
        assertTrue(
                run.errorMessage().orElse("").contains("500"),
                run.errorMessage().orElse(""));
    }

    @Test
    void aConnectionThatNamesNoShopFailsClearly() {
        Shop shop = linked(null, "shpat_nowhere");

        SyncRunView run = sync(shop, 1);

        assertEquals(SyncOutcome.FAILED, run.outcome());
        assertTrue(
                run.errorMessage().orElse("").contains("names no Shopify shop"),
                run.errorMessage().orElse(""));
    }

    @Test
    void aRefusedTokenIsRefreshedAtTheShopsOwnTokenEndpoint() {
        Shop shop = linked("stale-shop", "shpat_stale");
        stubShop("stale-shop", "shpat_fresh");
        shopify.stubFor(get(urlPathEqualTo(api("stale-shop") + "/orders.json"))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_stale"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"errors\":\"[API] Invalid API key or access token\"}")));
        shopify.stubFor(post(urlEqualTo(ShopifyProvider.tokenPath("stale-shop")))
                .willReturn(okJson("{\"access_token\":\"shpat_fresh\",\"scope\":\"read_orders\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"shprt_rotated\"}")));

        SyncRunView run = sync(shop, 1);

        assertEquals(SyncOutcome.SUCCESS, run.outcome(), run.errorMessage().orElse(""));
        shopify.verify(postRequestedFor(urlEqualTo(ShopifyProvider.tokenPath("stale-shop"))));
        assertEquals("shprt_rotated", RealConnections.refreshToken(shop.connectionId()), "the rotated token is kept");
    }
}
