package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.manage.RevocationRetrier;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.IndependentProvider;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.RealConnections;
import io.connectionportal.testing.Rows;
import io.connectionportal.tokens.TokenRefresher;

/**
 * A whole connection lifecycle against an independent OAuth 2.0 server (mock-oauth2-server, rotating refresh tokens),
 * configured only as the README tells an operator (client id, secret, discovery-url, scopes): connected through the
 * portal's pages, refreshed by the scheduled job with the rotated refresh token stored, deauthorized with both tokens
 * sent to the revocation endpoint (the server's final 400 for access tokens shown as final, never retried),
 * reconnected, deleted. Also: a callback naming another issuer, and an operator declaring {@code iss} support the
 * server does not have, are refused with the reason shown and logged.
 */
@QuarkusTest
class IndependentProviderLifecycleTest {

    private static final String PLATFORM = IndependentProvider.PLATFORM;
    private static final Pattern CONNECTED = Pattern.compile("/connect/connected/(\\d+)$");

    @IndependentProvider.Server
    MockOAuth2Server provider;

    @Inject
    TokenRefresher refresher;

    @Inject
    RevocationRetrier revocationRetrier;

    /** One request the provider received: its path and form body. */
    record Received(String path, Map<String, String> form) {}

    @BeforeEach
    void forgetEarlierRequests() {
        received();
    }

    /** Every request the provider received since last asked, in order. */
    private List<Received> received() {
        List<Received> all = new ArrayList<>();
        while (true) {
            RecordedRequest request;
            try {
                request = provider.takeRequest(200, TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                return all;
            }
            all.add(new Received(
                    request.getPath(), query("http://x/?" + request.getBody().readUtf8())));
        }
    }

    private static List<Received> to(List<Received> requests, String endpoint) {
        return requests.stream()
                .filter(r -> r.path().startsWith("/" + PLATFORM + "/" + endpoint))
                .toList();
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            params.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** The server signs the person in at once (no login page) and redirects back: that redirect, not followed. */
    private static String atProvider(String authorizationUrl) {
        Response redirect = RestAssured.given()
                .urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get(authorizationUrl);
        assertEquals(302, redirect.statusCode(), redirect.body().asString());
        return redirect.header("Location");
    }

    /** The platform page, consent, Continue: returns where the portal sends the browser. */
    private static String startAt(Browser browser, String platformKey) {
        String page = browser.get("/connect/platforms/" + platformKey)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(page.contains("badge-sandbox"), "a platform with settings is not labelled Sandbox");
        Response start = browser.post("/connect/platforms/" + platformKey, Map.of("agree", "yes"));
        assertEquals(303, start.statusCode(), start.body().asString());
        return start.header("Location");
    }

    private static long connectedId(Response callback) {
        assertEquals(303, callback.statusCode(), callback.body().asString());
        Matcher id = CONNECTED.matcher(callback.header("Location"));
        assertTrue(id.find(), "connected: " + callback.header("Location"));
        return Long.parseLong(id.group(1));
    }

    private static String page(Browser browser, long id) {
        return browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void connectRefreshWithRotationDeauthorizeReconnectAndDeleteAgainstAnIndependentServer() {
        Browser browser = new Browser();
        browser.signUp("Independent Provider Co");

        // Connect through the pages; the server's endpoints come from its metadata, as the README configures it.
        String authorizationUrl = startAt(browser, PLATFORM);
        assertTrue(
                authorizationUrl.startsWith(
                        provider.authorizationEndpointUrl(PLATFORM).toString()),
                "sent to the endpoint the metadata names: " + authorizationUrl);
        assertEquals("S256", query(authorizationUrl).get("code_challenge_method"));
        long id = connectedId(browser.get(pathAndQuery(atProvider(authorizationUrl))));
        assertEquals("LINKED", RealConnections.status(id));
        assertEquals(false, Rows.single("select sandbox from connection where id = ?1", id), "a real connection");
        assertFalse(page(browser, id).contains("badge-sandbox"));
        List<Received> exchange = to(received(), "token");
        assertEquals(1, exchange.size(), "one code exchange");
        assertEquals("authorization_code", exchange.get(0).form().get("grant_type"));

        // The scheduled job refreshes it before expiry; the server rotates the refresh token and the new one is kept.
        String access1 = RealConnections.accessToken(id);
        String refresh1 = RealConnections.refreshToken(id);
        assertNotNull(refresh1, "the server gave a refresh token");
        RealConnections.expiresAt(id, Instant.now().minusSeconds(1));
        try (LogCapture logs = new LogCapture()) {
            refresher.runOnce();
            assertFalse(logs.anyContains(refresh1), "tokens are never logged");
        }
        List<Received> refreshes = to(received(), "token");
        assertEquals(1, refreshes.size(), "one refresh: " + refreshes);
        assertEquals("refresh_token", refreshes.get(0).form().get("grant_type"));
        assertEquals(refresh1, refreshes.get(0).form().get("refresh_token"));
        String refresh2 = RealConnections.refreshToken(id);
        String access2 = RealConnections.accessToken(id);
        assertNotEquals(refresh1, refresh2, "rotated, and the new refresh token stored at once");
        assertNotEquals(access1, access2);
        assertTrue(
                Rows.instant("select access_token_expires_at from connection where id = ?1", id)
                        .isAfter(Instant.now()),
                "the new expiry is stored");
        assertEquals("LINKED", RealConnections.status(id));

        // mock-oauth2-server rotates but does not refuse a spent refresh token; what the portal must do is never send
        // it again: the next refresh sends the rotated one.
        RealConnections.expiresAt(id, Instant.now().minusSeconds(1));
        refresher.runOnce();
        List<Received> next = to(received(), "token");
        assertEquals(1, next.size());
        assertEquals(refresh2, next.get(0).form().get("refresh_token"), "the spent refresh token is never sent again");
        String access3 = RealConnections.accessToken(id);
        String refresh3 = RealConnections.refreshToken(id);

        // Deauthorize: both tokens reach the revocation endpoint; the server refuses access tokens for good (400
        // unsupported_token_type), which is recorded and shown as final, and never asked again.
        browser.get("/connections/" + id + "/deauthorize").then().statusCode(200);
        browser.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);
        List<Received> revocations = to(received(), "revoke");
        assertEquals(2, revocations.size(), "both tokens sent: " + revocations);
        Map<String, String> byHint = new HashMap<>();
        revocations.forEach(
                r -> byHint.put(r.form().get("token_type_hint"), r.form().get("token")));
        assertEquals(access3, byHint.get("access_token"));
        assertEquals(refresh3, byHint.get("refresh_token"));
        assertEquals("DEAUTHORIZED", RealConnections.status(id));
        assertEquals(
                1,
                Rows.count(
                        "revocation",
                        "connection_id = ?1 and token_kind = 'ACCESS_TOKEN' and refusal = 'REFUSED'"
                                + " and last_error like '%unsupported_token_type%'",
                        id),
                "the access token's 400 recorded as a final refusal");
        assertEquals(
                1,
                Rows.count(
                        "revocation",
                        "connection_id = ?1 and token_kind = 'REFRESH_TOKEN' and revoked_at is not null",
                        id),
                "the refresh token's revocation confirmed");
        String deauthorized = page(browser, id);
        assertTrue(deauthorized.contains("id=\"revocation-refused\""), deauthorized);
        assertTrue(deauthorized.contains("Tiime does not revoke this kind of token"), deauthorized);
        assertFalse(deauthorized.contains("id=\"revocation-pending\""));
        revocationRetrier.runOnce(Instant.now().plus(Duration.ofDays(30)));
        assertEquals(List.of(), to(received(), "revoke"), "a final answer is never retried");

        // Reconnect: back to the same server, linked again with new tokens, still real.
        browser.get("/connections/" + id);
        Response again = browser.post("/connections/" + id + "/reconnect", Map.of("agree", "yes"));
        assertEquals(303, again.statusCode(), again.body().asString());
        assertTrue(again.header("Location")
                .startsWith(provider.authorizationEndpointUrl(PLATFORM).toString()));
        Response back = browser.get(pathAndQuery(atProvider(again.header("Location"))));
        assertEquals(303, back.statusCode(), back.body().asString());
        assertEquals("LINKED", RealConnections.status(id));
        assertEquals(false, Rows.single("select sandbox from connection where id = ?1", id));
        assertNotEquals(refresh3, RealConnections.refreshToken(id));
        assertEquals(1, to(received(), "token").size(), "the new code exchanged");

        // Delete: gone, and both tokens sent for revocation again.
        String lastAccess = RealConnections.accessToken(id);
        browser.confirmPassword();
        browser.get("/connections/" + id + "/delete").then().statusCode(200);
        browser.post("/connections/" + id + "/delete", Map.of()).then().statusCode(303);
        assertEquals(0, Rows.count("connection", "id = ?1", id));
        List<Received> finalRevocations = to(received(), "revoke");
        assertEquals(2, finalRevocations.size(), "both tokens sent: " + finalRevocations);
        assertTrue(finalRevocations.stream()
                .anyMatch(r -> lastAccess.equals(r.form().get("token"))));
        browser.get("/connections/" + id).then().statusCode(404);
    }

    @Test
    void aCallbackNamingAnotherIssuerIsRefusedWithTheReasonShownAndLogged() {
        Browser browser = new Browser();
        String email = browser.signUp("Independent Mixup Co");
        Map<String, String> back = query(atProvider(startAt(browser, PLATFORM)));
        received();
        try (LogCapture logs = new LogCapture()) {
            Response mixup = browser.get("/connect/callback?code=" + back.get("code") + "&state=" + back.get("state")
                    + "&iss=https%3A%2F%2Fevil.example%2Ftiime");
            assertEquals(400, mixup.statusCode());
            assertTrue(mixup.body().asString().contains("did not come from the platform"), "the reason is shown");
            assertEquals(
                    1,
                    logs.linesContaining("refused before any token request: ISSUER_MISMATCH")
                            .size());
        }
        assertEquals(List.of(), to(received(), "token"), "no token request");
        assertEquals(
                0,
                Rows.count(
                        "connection c join app_user u on u.company_id = c.company_id",
                        "u.email = ?1 and c.status = 'LINKED'",
                        email));
    }

    @Test
    void aServerDeclaredToNameItselfButSendingNoIssHasEveryCallbackRefusedWithTheReasonShownAndLogged() {
        Browser browser = new Browser();
        String email = browser.signUp("Independent No Iss Co");
        String callback = atProvider(startAt(browser, IndependentProvider.ISS_REQUIRED_PLATFORM));
        assertFalse(query(callback).containsKey("iss"), "mock-oauth2-server does not send iss");
        try (LogCapture logs = new LogCapture()) {
            Response refused = browser.get(pathAndQuery(callback));
            assertEquals(400, refused.statusCode());
            assertTrue(
                    refused.body().asString().contains("did not say which platform sent it"),
                    refused.body().asString());
            assertEquals(
                    1,
                    logs.linesContaining("refused before any token request: ISSUER_MISSING")
                            .size());
        }
        assertEquals(
                0,
                Rows.count(
                        "connection c join app_user u on u.company_id = c.company_id",
                        "u.email = ?1 and c.status = 'LINKED'",
                        email));
    }

    @Test
    void theReadmeWalkthroughRunsTheServerVersionTheTestsUse() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        IndependentProvider.Walkthrough readme = IndependentProvider.readme();
        assertTrue(
                pom.contains("<mock-oauth2-server.version>" + readme.imageVersion() + "</mock-oauth2-server.version>"),
                "README's image tag " + readme.imageVersion() + " is the version in pom.xml");
        assertEquals(
                List.of("client-id", "client-secret", "discovery-url", "scopes"),
                readme.properties().keySet().stream()
                        .map(name -> name.substring(("portal.connectors." + PLATFORM + ".").length()))
                        .toList(),
                "the operator sets credentials, the metadata address and scopes, nothing else");
        assertEquals(
                IndependentProvider.README_ADDRESS + "/" + PLATFORM + "/.well-known/openid-configuration",
                readme.properties().get("portal.connectors." + PLATFORM + ".discovery-url"));
    }
}
