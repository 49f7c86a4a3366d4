package io.connectionportal.manage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.RealConnections;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.TokenProvider;

/**
 * Revocation at a real provider (WireMock) knows final from temporary: a 2xx confirms; a 503 is retried, never before
 * its Retry-After; a 4xx is final, recorded and shown, never retried; a platform without a revocation endpoint is told
 * at once, never left pending.
 */
@QuarkusTest
class RevocationOutcomesTest {

    @TokenProvider.Server
    WireMockServer provider;

    @Inject
    RevocationRetrier retrier;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private void revocationAnswers(String token, int status, String retryAfter, String body) {
        var response = aResponse().withStatus(status);
        if (retryAfter != null) {
            response = response.withHeader("Retry-After", retryAfter);
        }
        if (body != null) {
            response = response.withHeader("Content-Type", "application/json").withBody(body);
        }
        provider.stubFor(post(urlEqualTo(TokenProvider.REVOCATION_PATH))
                .withRequestBody(containing("token=" + token))
                .willReturn(response));
    }

    private int revocationsOf(String token) {
        return provider.findAll(postRequestedFor(urlEqualTo(TokenProvider.REVOCATION_PATH))
                        .withRequestBody(containing("token=" + token + "&")))
                .size();
    }

    private static void deauthorize(Browser browser, long id) {
        browser.get("/connections/" + id + "/deauthorize").then().statusCode(200);
        browser.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);
    }

    private static String page(Browser browser, long id) {
        return browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static long open(long id) {
        return Rows.count(
                "revocation",
                "connection_id = ?1 and revoked_at is null and abandoned_at is null and refused_at is null",
                id);
    }

    @Test
    void aRevocationAnswered200IsConfirmed() {
        Browser browser = new Browser();
        String email = browser.signUp("Revocation Confirmed Co");
        String access = unique("at");
        String refresh = unique("rt");
        long id = RealConnections.linked(
                email, TokenProvider.PLATFORM, access, refresh, Instant.now().plusSeconds(900));
        revocationAnswers(access, 200, null, null);
        revocationAnswers(refresh, 200, null, null);

        deauthorize(browser, id);

        assertEquals(1, revocationsOf(access));
        assertEquals(1, revocationsOf(refresh));
        assertEquals(0, open(id));
        assertEquals(2, Rows.count("revocation", "connection_id = ?1 and revoked_at is not null", id));
        assertEquals(1, Stored.events(id, "REVOKED"));
        String page = page(browser, id);
        assertTrue(page.contains("id=\"revoked\""), page);
        assertFalse(page.contains("id=\"revocation-pending\""));
    }

    @Test
    void a503WithRetryAfterIsRetriedAfterThatDelayAndNotBefore() {
        Browser browser = new Browser();
        String email = browser.signUp("Revocation Busy Co");
        String access = unique("at");
        String refresh = unique("rt");
        long id = RealConnections.linked(
                email, TokenProvider.PLATFORM, access, refresh, Instant.now().plusSeconds(900));
        revocationAnswers(access, 503, "120", null);
        revocationAnswers(refresh, 503, "120", null);

        Instant deauthorized = Instant.now();
        deauthorize(browser, id);
        assertEquals(2, open(id), "pending while the provider is unavailable");
        assertTrue(page(browser, id).contains("id=\"revocation-pending\""));
        assertEquals(1, Stored.events(id, "REVOCATION_PENDING"));

        retrier.runOnce(deauthorized.plusSeconds(90));
        assertEquals(1, revocationsOf(access), "not asked again before its Retry-After (longer than the backoff)");
        assertEquals(1, revocationsOf(refresh));

        revocationAnswers(access, 200, null, null);
        revocationAnswers(refresh, 200, null, null);
        retrier.runOnce(Instant.now().plusSeconds(125));
        assertEquals(2, revocationsOf(access), "asked again once it passed");
        assertEquals(2, revocationsOf(refresh));
        assertEquals(0, open(id));
        assertEquals(1, Stored.events(id, "REVOKED"));
        assertTrue(page(browser, id).contains("id=\"revoked\""));
    }

    @Test
    void a400UnsupportedTokenTypeIsFinalShownWithTheTokensExpiryAndNeverRetried() {
        Browser browser = new Browser();
        String email = browser.signUp("Revocation Refused Co");
        String access = unique("at");
        String refresh = unique("rt");
        long id = RealConnections.linked(
                email, TokenProvider.PLATFORM, access, refresh, Instant.parse("2031-03-04T12:00:00Z"));
        revocationAnswers(refresh, 200, null, null);
        revocationAnswers(access, 400, null, "{\"error\":\"unsupported_token_type\"}");

        deauthorize(browser, id);

        assertEquals(0, open(id), "nothing left pending");
        assertEquals(
                1,
                Rows.count(
                        "revocation",
                        "connection_id = ?1 and token_kind = 'ACCESS_TOKEN' and refusal = 'REFUSED'"
                                + " and token_enc is null and last_error like '%unsupported_token_type%'",
                        id),
                "recorded as refused, the token forgotten");
        assertEquals(1, Stored.events(id, "REVOCATION_REFUSED"));
        assertEquals(0, Stored.events(id, "REVOCATION_PENDING"));
        String page = page(browser, id);
        assertTrue(page.contains("id=\"revocation-refused\""), page);
        assertTrue(page.contains("does not revoke this kind of token"), page);
        assertTrue(page.contains("2031"), "says when the access token stops working");
        assertFalse(page.contains("id=\"revocation-pending\""));
        assertTrue(
                page.contains("Could not disconnect at the platform: it refused"), "in the connection's audit trail");

        retrier.runOnce(Instant.now().plus(Duration.ofDays(30)));
        assertEquals(1, revocationsOf(access), "a final answer is never asked again");
        assertEquals(1, revocationsOf(refresh));
    }

    @Test
    void aRefusedRefreshTokenTellsTheBusinessToRevokeAccessAtThePlatform() {
        Browser browser = new Browser();
        String email = browser.signUp("Revocation Grant Refused Co");
        String access = unique("at");
        String refresh = unique("rt");
        long id = RealConnections.linked(
                email, TokenProvider.PLATFORM, access, refresh, Instant.now().plusSeconds(900));
        revocationAnswers(refresh, 401, null, "{\"error\":\"invalid_client\"}");
        revocationAnswers(access, 200, null, null);

        browser.confirmPassword();
        browser.get("/connections/" + id + "/delete").then().statusCode(200);
        var deleted = browser.post("/connections/" + id + "/delete", Map.of());
        assertEquals(303, deleted.statusCode());
        String dashboard = browser.get("/connections").then().extract().asString();
        assertTrue(dashboard.contains("did not revoke all of our access"), dashboard);
        assertEquals(1, Stored.events(id, "REVOCATION_REFUSED"));
        assertEquals(0, open(id));
    }

    @Test
    void aPlatformWithoutARevocationEndpointIsToldAtOnceAndNeverPending() {
        Browser browser = new Browser();
        String email = browser.signUp("Revocation No Endpoint Co");
        long id = RealConnections.linked(
                email,
                TokenProvider.NO_REVOCATION_PLATFORM,
                unique("at"),
                unique("rt"),
                Instant.now().plusSeconds(900));

        deauthorize(browser, id);

        assertEquals(0, open(id));
        assertEquals(2, Rows.count("revocation", "connection_id = ?1 and refusal = 'NO_ENDPOINT'", id));
        String page = page(browser, id);
        assertTrue(page.contains("offers no way for us to revoke our access from here"), page);
        assertTrue(page.contains("href=\"https://"), "links to the platform to revoke it there");
        assertFalse(page.contains("id=\"revocation-pending\""));
        browser.post("/language", Map.of("lang", "fr", "next", "/connections/" + id));
        assertTrue(page(browser, id).contains("ne nous permet pas de révoquer notre accès d’ici"));
    }
}
