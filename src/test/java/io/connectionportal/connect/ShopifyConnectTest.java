package io.connectionportal.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.RealConnections;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.ShopifyProvider;

/**
 * Connecting Shopify for real: the business names its shop on the platform page, is sent to that shop's host with
 * Shopify's comma-separated scopes, and the callback must be signed (hmac) by Shopify for that same shop before any
 * token request; Shopify's token response, which has no token_type, is accepted.
 */
@QuarkusTest
class ShopifyConnectTest {

    @ShopifyProvider.Server
    WireMockServer shopify;

    @BeforeEach
    void forgetEarlierRequests() {
        shopify.resetAll();
    }

    /** The stub's address as the portal is configured with it (127.0.0.1, not localhost). */
    private String base() {
        return "http://127.0.0.1:" + shopify.port();
    }

    private static Browser signedUp(String company) {
        Browser browser = new Browser();
        browser.signUp(company);
        return browser;
    }

    private static Response start(Browser browser, String shop) {
        browser.get("/connect/platforms/shopify");
        return browser.post("/connect/platforms/shopify", Map.of("agree", "yes", "shop", shop));
    }

    @Test
    void thePlatformPageAsksForTheShopOnlyForAPlatformWithPerShopHosts() {
        Browser browser = signedUp("Shop Field Co");
        String shopify = browser.get("/connect/platforms/shopify").body().asString();
        assertTrue(shopify.contains("Your shop&#39;s address") || shopify.contains("Your shop's address"), shopify);
        assertTrue(shopify.contains("name=\"shop\""));
        assertTrue(shopify.contains("my-shop.myshopify.com"), "the hint shows both forms");
        String woo = browser.get("/connect/platforms/woocommerce").body().asString();
        assertFalse(woo.contains("name=\"shop\""), "a sandbox platform has no shop field");
    }

    @Test
    void aShopNamedEitherWayGoesToItsOwnHostWithCommaSeparatedScopes() {
        for (String typed : new String[] {"north-shop", " North-Shop.myshopify.com "}) {
            Browser browser = signedUp("Shop Either Way Co");
            Response started = start(browser, typed);
            assertEquals(303, started.statusCode(), started.body().asString());
            String location = started.header("Location");
            assertTrue(location.startsWith(base() + "/shops/north-shop/admin/oauth/authorize?"), location);
            Map<String, String> asked = ThirdPartyConnectTest.query(location);
            assertEquals("read_orders,read_shopify_payments_payouts,read_customers", asked.get("scope"));
            assertEquals(ShopifyProvider.CLIENT_ID, asked.get("client_id"));
            assertEquals(
                    "north-shop",
                    Rows.single("select provider_account_id from connection where id = (select max(id) from connection"
                            + " where platform_key = 'shopify' and status = 'PENDING_AUTH')"),
                    "the connection keeps the shop it is for");
        }
    }

    @Test
    void aShopThatIsNotOneIsRefusedWithTheErrorShownAndTheValueKept() {
        Browser browser = signedUp("Bad Shop Co");
        long before = Rows.count("connection", "platform_key = 'shopify'");
        for (String typed : new String[] {"my shop!", "my-shop.example.com", "-shop", "a".repeat(61)}) {
            Response refused = start(browser, typed);
            assertEquals(400, refused.statusCode(), typed);
            String page = refused.body().asString();
            assertTrue(page.contains("href=\"#shop\""), "the error summary links to the field");
            assertTrue(page.contains("id=\"shop-error\""), "the inline error");
            assertTrue(page.contains("letters, digits and dashes only"), page);
            assertTrue(
                    page.contains("value=\"" + typed.replace("!", "&#33;")) || page.contains("value=\"" + typed),
                    "the value typed is kept: " + typed);
        }
        Response empty = start(browser, "");
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().asString().contains("Enter your shop"));
        assertEquals(before, Rows.count("connection", "platform_key = 'shopify'"), "nothing is half-saved");
    }

    @Test
    void theShopErrorIsInFrenchForAFrenchBrowser() {
        Browser browser = new Browser("fr-FR,fr;q=0.9");
        browser.signUp("Boutique Co");
        Response refused = start(browser, "ma boutique");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().asString().contains("lettres, chiffres et tirets uniquement"));
    }

    @Test
    void aSignedCallbackFromTheShopIsExchangedAndATokenWithoutTokenTypeIsKept() {
        shopify.stubFor(post(urlEqualTo(ShopifyProvider.tokenPath("south-shop")))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ShopifyProvider.body("token-response.json"))));
        Browser browser = signedUp("Signed Shop Co");
        Map<String, String> asked =
                ThirdPartyConnectTest.query(start(browser, "south-shop").header("Location"));

        Response callback = browser.get(callback(signed(asked.get("state"), "south-shop.myshopify.com")));

        assertEquals(303, callback.statusCode(), callback.body().asString());
        assertTrue(callback.header("Location").contains("/connect/connected/"));
        shopify.verify(postRequestedFor(urlPathEqualTo(ShopifyProvider.tokenPath("south-shop")))
                .withRequestBody(containing("client_secret=" + ShopifyProvider.CLIENT_SECRET))
                .withRequestBody(containing("client_id=" + ShopifyProvider.CLIENT_ID))
                .withRequestBody(containing("code=shopify-code"))
                .withRequestBody(containing("expiring=1")));
        String latest = "(select max(id) from connection where platform_key = 'shopify')";
        assertEquals("LINKED", Rows.single("select status from connection where id = " + latest));
        assertEquals("south-shop", Rows.single("select provider_account_id from connection where id = " + latest));
        assertTrue(
                Rows.single("select access_token_expires_at from connection where id = " + latest) != null,
                "the access token expires (an expiring offline token) and is refreshed like any other");
    }

    @Test
    void aCallbackWhoseHmacDoesNotHoldIsRefusedBeforeAnyTokenRequest() {
        Browser browser = signedUp("Forged Shop Co");
        Map<String, String> asked =
                ThirdPartyConnectTest.query(start(browser, "west-shop").header("Location"));
        Map<String, String> forged = signed(asked.get("state"), "west-shop.myshopify.com");
        forged.put("hmac", "0".repeat(64));

        Response refused = browser.get(callback(forged));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().asString().contains("did not come from the platform"));
        assertEquals(
                0,
                shopify.findAll(postRequestedFor(urlPathEqualTo(ShopifyProvider.tokenPath("west-shop"))))
                        .size());
        assertEquals(0, Rows.count("connection", "provider_account_id = 'west-shop'"), "the attempt leaves nothing");

        Browser unsigned = signedUp("Unsigned Shop Co");
        Map<String, String> again =
                ThirdPartyConnectTest.query(start(unsigned, "west-shop").header("Location"));
        Map<String, String> noHmac = signed(again.get("state"), "west-shop.myshopify.com");
        noHmac.remove("hmac");
        assertEquals(400, unsigned.get(callback(noHmac)).statusCode(), "no hmac at all");
        assertEquals(
                0,
                shopify.findAll(postRequestedFor(urlPathEqualTo(ShopifyProvider.tokenPath("west-shop"))))
                        .size());
    }

    @Test
    void aCallbackNamingAnotherShopIsRefusedEvenWhenSigned() {
        Browser browser = signedUp("Other Shop Co");
        Map<String, String> asked =
                ThirdPartyConnectTest.query(start(browser, "east-shop").header("Location"));

        Response refused = browser.get(callback(signed(asked.get("state"), "someone-else.myshopify.com")));

        assertEquals(400, refused.statusCode());
        assertEquals(
                0,
                shopify.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().contains("/oauth/access_token"))
                        .count());
    }

    @Test
    void disconnectingAShopTellsTheBusinessToRemoveTheAppInShopifyForShopifyHasNoRevocationEndpoint() {
        Browser browser = new Browser();
        String email = browser.signUp("Revoke Shop Co");
        long id = RealConnections.linked(
                email,
                "shopify",
                "shpat_" + System.nanoTime(),
                "shprt_" + System.nanoTime(),
                Instant.now().plusSeconds(900));
        Rows.execute("update connection set provider_account_id = 'revoke-shop' where id = ?1", id);

        browser.get("/connections/" + id + "/deauthorize").then().statusCode(200);
        browser.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);

        assertEquals(2, Rows.count("revocation", "connection_id = ?1 and refusal = 'NO_ENDPOINT'", id));
        String page = browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("offers no way for us to revoke our access from here"), page);
        assertTrue(page.contains("href=\"https://www.shopify.com\""), "the way to revoke it at Shopify");
        assertTrue(shopify.getAllServeEvents().isEmpty(), "nothing is sent to Shopify");
    }

    /** The query Shopify sends back, signed as its documentation says: every other parameter, sorted, HMAC-SHA256. */
    private static Map<String, String> signed(String state, String shopDomain) {
        Map<String, String> query = new TreeMap<>();
        query.put("code", "shopify-code");
        query.put("host", "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvbXktc2hvcA");
        query.put("shop", shopDomain);
        query.put("state", state);
        query.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        String message = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ShopifyProvider.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            query.put("hmac", HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new LinkedHashMap<>(query);
    }

    private static String callback(Map<String, String> query) {
        return "/connect/callback?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }
}
