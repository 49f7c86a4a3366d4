package io.connectionportal.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.connectors.Connector;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.connectors.Pkce;
import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.connectors.TokenSet;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.RandomTokens;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.ThirdPartyProvider;

/**
 * The generic OAuth 2.0 connector against a third-party authorization server: authorization code
 * with PKCE, token exchange, refresh, revocation; and every way a callback can be bad.
 */
@QuarkusTest
@QuarkusTestResource(ThirdPartyProvider.class)
class ThirdPartyConnectTest {

    @ThirdPartyProvider.Server
    MockOAuth2Server provider;

    @Inject
    Connectors connectors;

    @Inject
    PlatformCatalog catalog;

    @Inject
    TokenCipher cipher;

    @Inject
    PortalConfig config;

    @BeforeEach
    void forgetEarlierRequests() {
        while (poll(50) != null) {
            // drained
        }
    }

    /** The next request the provider received, or null: mock-oauth2-server throws when none came in time. */
    private RecordedRequest poll(long millis) {
        try {
            return provider.takeRequest(millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException none) {
            return null;
        }
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    /** Starts a connection to the third-party platform and returns the provider's authorization URL. */
    private static String start(Browser browser) {
        browser.get("/connect/platforms/" + ThirdPartyProvider.PLATFORM);
        Response start = browser.post("/connect/platforms/" + ThirdPartyProvider.PLATFORM, Map.of("agree", "yes"));
        assertEquals(303, start.statusCode(), start.body().asString());
        return start.header("Location");
    }

    /** The provider signs the user in at once and redirects back with a code: returns that callback URL. */
    private static String authorize(String authorizationUrl) {
        Response redirect = RestAssured.given()
                .urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get(authorizationUrl);
        assertEquals(302, redirect.statusCode(), redirect.body().asString());
        return redirect.header("Location");
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private RecordedRequest nextTokenRequest() {
        RecordedRequest request;
        while ((request = poll(500)) != null) {
            if (request.getPath().contains("/token")) {
                return request;
            }
        }
        return null;
    }

    @Test
    void authorizationCodeWithPkceIsExchangedAndTheTokensAreStoredEncrypted() {
        Browser browser = new Browser();
        String email = browser.signUp("Third Party Co");
        try (LogCapture logs = new LogCapture()) {
            String authorizationUrl = start(browser);
            Map<String, String> asked = query(authorizationUrl);
            assertTrue(authorizationUrl.startsWith(provider.authorizationEndpointUrl(ThirdPartyProvider.PLATFORM)
                    .toString()));
            assertEquals("code", asked.get("response_type"));
            assertEquals("S256", asked.get("code_challenge_method"));
            assertEquals(
                    config.baseUrl() + "/connect/callback", asked.get("redirect_uri"), "the configured redirect URI");
            assertEquals(ThirdPartyProvider.CLIENT_ID, asked.get("client_id"));
            assertFalse(
                    asked.containsKey("login_hint") || asked.containsKey("ui_locales"),
                    "the sandbox's account hints are for the sandbox only");
            assertTrue(asked.get("state").length() >= 43, "state has 256 bits");
            assertEquals(
                    1,
                    Rows.count(
                            "connection c join app_user u on u.company_id = c.company_id",
                            "u.email = ?1 and c.status = 'PENDING_AUTH'",
                            email),
                    "pending while away");

            Response callback = browser.get(pathAndQuery(authorize(authorizationUrl)));
            assertEquals(303, callback.statusCode(), callback.body().asString());
            assertTrue(callback.header("Location").contains("/connect/connected/"));
            browser.get(URI.create(callback.header("Location")).getPath())
                    .then()
                    .statusCode(200);

            RecordedRequest tokenRequest = nextTokenRequest();
            assertNotNull(tokenRequest, "the provider received the token request");
            Map<String, String> form =
                    query("http://x/?" + tokenRequest.getBody().readUtf8());
            assertEquals("authorization_code", form.get("grant_type"));
            assertEquals(asked.get("code_challenge"), Pkce.challenge(form.get("code_verifier")), "PKCE S256 verifier");
            assertEquals(ThirdPartyProvider.CLIENT_SECRET, form.get("client_secret"), "client_secret_post");
            assertEquals(config.baseUrl() + "/connect/callback", form.get("redirect_uri"));

            long id = ((Number) Rows.single(
                            "select c.id from connection c join app_user u on u.company_id = c.company_id "
                                    + "where u.email = ?1 and c.status = 'LINKED'",
                            email))
                    .longValue();
            String storedAccess = (String) Rows.single("select access_token_enc from connection where id = ?1", id);
            String accessToken = cipher.decrypt(storedAccess, "connection:" + id + ":access");
            assertTrue(storedAccess.startsWith("v2:k2:"), "encrypted under the current key, which it names");
            assertFalse(storedAccess.contains(accessToken), "the column does not hold the token");
            assertFalse(logs.anyContains(accessToken), "the access token is never logged");
            assertFalse(logs.anyContains(asked.get("state")), "the state is never logged");
        }
    }

    @Test
    void refreshAndRevocationReachTheProvider() throws Exception {
        Browser browser = new Browser();
        String email = browser.signUp("Refreshing Co");
        browser.get(pathAndQuery(authorize(start(browser))));
        long id = ((Number) Rows.single(
                        "select c.id from connection c join app_user u on u.company_id = c.company_id "
                                + "where u.email = ?1 and c.status = 'LINKED'",
                        email))
                .longValue();
        String refreshToken = cipher.decrypt(
                (String) Rows.single("select refresh_token_enc from connection where id = ?1", id),
                "connection:" + id + ":refresh");
        forgetEarlierRequests();

        Connector connector =
                connectors.forPlatform(catalog.find(ThirdPartyProvider.PLATFORM).orElseThrow());
        TokenSet refreshed = connector.refresh(refreshToken);
        assertNotNull(refreshed.accessToken());
        assertTrue(refreshed.refreshToken().isPresent());
        assertFalse(refreshed.toString().contains(refreshed.accessToken()), "toString hides tokens");

        connector.revoke(refreshed.refreshToken().get(), Connector.TokenKind.REFRESH_TOKEN);
        RecordedRequest refreshRequest = poll(2000);
        RecordedRequest revokeRequest = poll(2000);
        assertTrue(refreshRequest.getBody().readUtf8().contains("grant_type=refresh_token"));
        assertTrue(revokeRequest.getPath().contains("revoke"), revokeRequest.getPath());
        assertTrue(revokeRequest.getBody().readUtf8().contains("token_type_hint=refresh_token"));
    }

    @Test
    void aReplayedStateIsRefusedAndNoSecondTokenRequestIsMade() {
        Browser browser = new Browser();
        browser.signUp("Replay Co");
        String callbackUrl = pathAndQuery(authorize(start(browser)));
        assertEquals(303, browser.get(callbackUrl).statusCode());
        assertNotNull(nextTokenRequest());

        Response replay = browser.get(callbackUrl);
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().asString().contains("not valid or was already used"));
        assertNull(nextTokenRequest(), "no token request for a used state");
    }

    @Test
    void aForgedStateIsRefusedWithoutATokenRequest() {
        Browser browser = new Browser();
        String email = browser.signUp("Forged Co");
        long connections =
                Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", email);
        Response forged = browser.get("/connect/callback?code=stolen-code&state=" + RandomTokens.next());
        assertEquals(400, forged.statusCode());
        assertNull(nextTokenRequest());
        assertEquals(
                connections,
                Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", email));
        assertEquals(400, browser.get("/connect/callback?code=x").statusCode(), "no state at all");
    }

    @Test
    void aStateFromAnotherBrowserIsRefusedAndThePendingConnectionRemoved() {
        Browser victim = new Browser();
        String email = victim.signUp("Victim Co");
        String callbackUrl = pathAndQuery(authorize(start(victim)));

        Browser attacker = new Browser();
        attacker.signUp("Attacker Co");
        Response foreign = attacker.get(callbackUrl);
        assertEquals(400, foreign.statusCode());
        assertTrue(foreign.body().asString().contains("started in another browser"));
        assertNull(nextTokenRequest());
        assertEquals(
                0,
                Rows.count(
                        "connection c join app_user u on u.company_id = c.company_id",
                        "u.email = ?1 and c.status = 'LINKED'",
                        email));
    }

    @Test
    void anIssuerMismatchIsRefusedBeforeAnyTokenRequest() {
        Browser browser = new Browser();
        String email = browser.signUp("Mixup Co");
        Map<String, String> back = query(authorize(start(browser)));
        Response mixup = browser.get("/connect/callback?code=" + back.get("code") + "&state=" + back.get("state")
                + "&iss=https%3A%2F%2Fevil.example%2Fissuer");
        assertEquals(400, mixup.statusCode());
        assertTrue(mixup.body().asString().contains("did not come from the platform"));
        assertNull(nextTokenRequest());
        assertEquals(
                0,
                Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", email),
                "nothing stored");
    }

    @Test
    void aProviderNotDeclaringIssSupportIsStillLinkedFromACallbackWithoutIss() {
        Browser browser = new Browser();
        String email = browser.signUp("No Iss Co");
        Map<String, String> back = query(authorize(start(browser)));
        Response callback = browser.get("/connect/callback?code=" + back.get("code") + "&state=" + back.get("state"));
        assertEquals(303, callback.statusCode(), callback.body().asString());
        assertTrue(callback.header("Location").contains("/connect/connected/"));
        assertNotNull(nextTokenRequest(), "the code was exchanged");
        assertEquals(
                1,
                Rows.count(
                        "connection c join app_user u on u.company_id = c.company_id",
                        "u.email = ?1 and c.status = 'LINKED'",
                        email));
    }

    @Test
    void anErrorFromTheProviderLeavesNothingBehind() {
        Browser browser = new Browser();
        String email = browser.signUp("Error Co");
        Map<String, String> asked = query(start(browser));
        Response error = browser.get("/connect/callback?error=server_error&state=" + asked.get("state"));
        assertEquals(502, error.statusCode());
        assertTrue(error.body().asString().contains("Nothing was saved"));
        assertNull(nextTokenRequest());
        assertEquals(
                0, Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", email));
    }

    @Test
    void anUnreachableTokenEndpointGivesAClearMessageAndStoresNothing() {
        Browser browser = new Browser();
        String email = browser.signUp("Unreachable Co");
        browser.get("/connect/platforms/" + ThirdPartyProvider.UNREACHABLE_PLATFORM);
        Response start =
                browser.post("/connect/platforms/" + ThirdPartyProvider.UNREACHABLE_PLATFORM, Map.of("agree", "yes"));
        Response failed = browser.get(pathAndQuery(authorize(start.header("Location"))));
        assertEquals(502, failed.statusCode());
        assertTrue(
                failed.body().asString().contains("Wave did not answer"),
                failed.body().asString());
        assertTrue(failed.body().asString().contains("Nothing was saved"));
        assertEquals(
                0, Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", email));
    }

    @Test
    void anotherCompanyCannotSeeAConnection() {
        Browser owner = new Browser();
        String email = owner.signUp("Owner Co");
        owner.get(pathAndQuery(authorize(start(owner))));
        long id = ((Number) Rows.single(
                        "select c.id from connection c join app_user u on u.company_id = c.company_id "
                                + "where u.email = ?1",
                        email))
                .longValue();
        owner.get("/connect/connected/" + id).then().statusCode(200);

        Browser other = new Browser();
        other.signUp("Other Co");
        other.get("/connect/connected/" + id).then().statusCode(404);
        assertFalse(other.get("/connections").body().asString().contains("FreeAgent"));
        assertTrue(Arrays.asList(owner.get("/connections").body().asString().split("\n")).stream()
                .anyMatch(line -> line.contains("FreeAgent")));
    }
}
