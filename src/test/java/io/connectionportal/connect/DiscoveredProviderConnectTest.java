package io.connectionportal.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.TokenProvider;

/**
 * A platform configured with only a {@code discovery-url}: its endpoints and issuer come from the provider's metadata,
 * which declares RFC 9207 support, so a callback that does not name the issuer is refused before any token request.
 */
@QuarkusTest
class DiscoveredProviderConnectTest {

    @TokenProvider.Server
    WireMockServer provider;

    private String issuer() {
        return "http://127.0.0.1:" + provider.port() + TokenProvider.DISCOVERED_ISSUER_PATH;
    }

    /** Starts a connection to the discovered platform and returns the provider's authorization URL. */
    private static String start(Browser browser) {
        browser.get("/connect/platforms/" + TokenProvider.DISCOVERED_PLATFORM);
        Response start =
                browser.post("/connect/platforms/" + TokenProvider.DISCOVERED_PLATFORM, Map.of("agree", "yes"));
        assertEquals(303, start.statusCode(), start.body().asString());
        return start.header("Location");
    }

    private int tokenRequestsWith(String code) {
        return provider.findAll(postRequestedFor(urlEqualTo(TokenProvider.DISCOVERED_TOKEN_PATH))
                        .withRequestBody(containing("code=" + code)))
                .size();
    }

    private static long connections(String email) {
        return Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", email);
    }

    @Test
    void theDiscoveredEndpointsAndIssuerAreUsedAndACallbackNamingTheIssuerIsLinked() {
        Browser browser = new Browser();
        String email = browser.signUp("Discovered Co");
        String authorizationUrl = start(browser);
        assertTrue(
                authorizationUrl.startsWith(issuer() + "/oauth/authorize?"),
                "the authorization endpoint from the metadata: " + authorizationUrl);
        String code = "discovered-code-" + System.nanoTime();
        provider.stubFor(post(urlEqualTo(TokenProvider.DISCOVERED_TOKEN_PATH))
                .withRequestBody(containing("code=" + code))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"discovered-access\",\"token_type\":\"Bearer\","
                                + "\"expires_in\":1800,\"refresh_token\":\"discovered-refresh\"}")));

        Response callback = browser.get("/connect/callback?code=" + code + "&state="
                + ThirdPartyConnectTest.query(authorizationUrl).get("state") + "&iss="
                + URLEncoder.encode(issuer(), StandardCharsets.UTF_8));

        assertEquals(303, callback.statusCode(), callback.body().asString());
        assertTrue(callback.header("Location").contains("/connect/connected/"));
        assertEquals(1, tokenRequestsWith(code), "the code went to the token endpoint from the metadata");
        assertEquals(
                1,
                Rows.count(
                        "connection c join app_user u on u.company_id = c.company_id",
                        "u.email = ?1 and c.status = 'LINKED' and c.sandbox = false",
                        email));
    }

    @Test
    void aCallbackWithoutIssFromAProviderDeclaringItIsRefusedBeforeAnyTokenRequestAndLogged() {
        Browser browser = new Browser();
        String email = browser.signUp("Silent Issuer Co");
        String state = ThirdPartyConnectTest.query(start(browser)).get("state");
        String code = "no-iss-code-" + System.nanoTime();
        try (LogCapture logs = new LogCapture()) {
            Response refused = browser.get("/connect/callback?code=" + code + "&state=" + state);

            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().asString().contains("did not say which platform sent it"));
            assertTrue(refused.body().asString().contains("Nothing was saved"));
            assertFalse(logs.linesContaining("ISSUER_MISSING").isEmpty(), "the refusal is logged");
            assertFalse(logs.anyContains(state), "the state is never logged");
        }
        assertEquals(0, tokenRequestsWith(code), "no token request reached the provider");
        assertEquals(0, connections(email), "the attempt is discarded");
    }

    @Test
    void aCallbackWithoutIssIsShownInFrench() {
        Browser browser = new Browser("fr");
        browser.signUp("Émetteur Muet SARL");
        String state = ThirdPartyConnectTest.query(start(browser)).get("state");
        Response refused = browser.get("/connect/callback?code=x&state=" + state);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().asString().contains("ne précisait pas quelle plateforme"));
    }

    @Test
    void aCallbackNamingAnotherIssuerIsRefusedBeforeAnyTokenRequest() {
        Browser browser = new Browser();
        String email = browser.signUp("Wrong Issuer Co");
        String state = ThirdPartyConnectTest.query(start(browser)).get("state");
        String code = "wrong-iss-code-" + System.nanoTime();
        Response refused = browser.get(
                "/connect/callback?code=" + code + "&state=" + state + "&iss=https%3A%2F%2Fevil.example%2Fissuer");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().asString().contains("did not come from the platform"));
        assertEquals(0, tokenRequestsWith(code));
        assertEquals(0, connections(email));
    }
}
