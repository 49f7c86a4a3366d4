package io.connectionportal.tokens;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.RealConnections;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.TokenProvider;

/**
 * Access tokens are refreshed before they expire by the scheduled job, on their own, whether or not the platform's
 * data is read: {@value TokenProvider#PLATFORM} has real OAuth settings (WireMock) and no data client.
 */
@QuarkusTest
class TokenLifecycleTest {

    @TokenProvider.Server
    WireMockServer provider;

    @Inject
    TokenRefresher refresher;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The provider answers a refresh with {@code refresh} by new tokens, rotating the refresh token. */
    private void rotates(String refresh, String newAccess, String newRefresh) {
        provider.stubFor(post(urlEqualTo(TokenProvider.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"access_token\":\"" + newAccess + "\",\"token_type\":\"Bearer\",\"expires_in\":1800,"
                                        + "\"refresh_token\":\"" + newRefresh + "\"}")));
    }

    private int refreshesWith(String refresh) {
        return provider.findAll(postRequestedFor(urlEqualTo(TokenProvider.TOKEN_PATH))
                        .withRequestBody(containing("refresh_token=" + refresh)))
                .size();
    }

    private static String signedUp(Browser browser, String company) {
        return browser.signUp(company);
    }

    @Test
    void anAccessTokenNearExpiryIsRefreshedByTheJobWithoutAnyDataClientAndTheRotatedRefreshTokenReplacesTheOld() {
        Browser browser = new Browser();
        String email = signedUp(browser, "Token Rotation Co");
        String refresh1 = unique("rt1");
        String refresh2 = unique("rt2");
        String refresh3 = unique("rt3");
        long id = RealConnections.linked(
                email,
                TokenProvider.PLATFORM,
                unique("at1"),
                refresh1,
                Instant.now().plusSeconds(60));
        String farRefresh = unique("rt-far");
        long far = RealConnections.linked(
                email,
                TokenProvider.PLATFORM,
                unique("at-far"),
                farRefresh,
                Instant.now().plus(Duration.ofHours(1)));
        String access2 = unique("at2");
        rotates(refresh1, access2, refresh2);

        try (LogCapture logs = new LogCapture()) {
            refresher.runOnce();
            assertFalse(logs.anyContains(refresh2), "tokens are never logged");
            assertFalse(logs.anyContains(access2));
        }

        assertEquals(1, refreshesWith(refresh1));
        assertEquals(refresh2, RealConnections.refreshToken(id), "the rotated refresh token is stored at once");
        assertEquals(access2, RealConnections.accessToken(id));
        Instant expiry = Rows.instant("select access_token_expires_at from connection where id = ?1", id);
        assertTrue(expiry.isAfter(Instant.now().plus(Duration.ofMinutes(25))), "the new expiry: " + expiry);
        assertEquals("LINKED", RealConnections.status(id));
        assertEquals(0, Rows.count("sync_run", "connection_id = ?1", id), "no sync was involved");
        assertEquals(0, refreshesWith(farRefresh), "a token far from expiry is left alone");

        // Next time it is the new refresh token that is sent, never the spent one.
        RealConnections.expiresAt(id, Instant.now().plusSeconds(30));
        rotates(refresh2, unique("at3"), refresh3);
        refresher.runOnce();
        assertEquals(1, refreshesWith(refresh1), "the spent refresh token is never used again");
        assertEquals(1, refreshesWith(refresh2));
        assertEquals(refresh3, RealConnections.refreshToken(id));
        assertEquals(farRefresh, RealConnections.refreshToken(far));
    }

    @Test
    void twoRunsAtOnceRefreshAConnectionOnce() throws Exception {
        Browser browser = new Browser();
        String email = signedUp(browser, "Token Race Co");
        String refresh = unique("rt-race");
        String next = unique("rt-race-next");
        long id = RealConnections.linked(
                email,
                TokenProvider.PLATFORM,
                unique("at-race"),
                refresh,
                Instant.now().plusSeconds(10));
        provider.stubFor(post(urlEqualTo(TokenProvider.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(aResponse()
                        .withFixedDelay(700)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + unique("at") + "\",\"token_type\":\"Bearer\","
                                + "\"expires_in\":1800,\"refresh_token\":\"" + next + "\"}")));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> first = pool.submit(() -> {
                go.await();
                return refresher.runOnce();
            });
            Future<Integer> second = pool.submit(() -> {
                go.await();
                return refresher.runOnce();
            });
            go.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, refreshesWith(refresh), "one refresh token is sent once, however many runs");
        assertEquals(next, RealConnections.refreshToken(id));
        assertEquals("LINKED", RealConnections.status(id));
    }

    @Test
    void tokensARefreshBringsBackAfterTheConnectionWasDeauthorizedAreRevokedNotKept() throws Exception {
        Browser browser = new Browser();
        String email = signedUp(browser, "Token Late Co");
        String refresh = unique("rt-late");
        String lateAccess = unique("at-late-new");
        String lateRefresh = unique("rt-late-new");
        long id = RealConnections.linked(
                email,
                TokenProvider.PLATFORM,
                unique("at-late"),
                refresh,
                Instant.now().plusSeconds(10));
        provider.stubFor(post(urlEqualTo(TokenProvider.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(aResponse()
                        .withFixedDelay(3000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + lateAccess + "\",\"token_type\":\"Bearer\","
                                + "\"expires_in\":1800,\"refresh_token\":\"" + lateRefresh + "\"}")));
        provider.stubFor(post(urlEqualTo(TokenProvider.REVOCATION_PATH))
                .willReturn(aResponse().withStatus(200)));

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = pool.submit(() -> refresher.runOnce());
            // Once the provider holds the refresh request, the business deauthorizes (the row is no longer LINKED).
            long waited = 0;
            while (refreshesWith(refresh) == 0 && waited < 20_000) {
                Thread.sleep(50);
                waited += 50;
            }
            assertEquals(1, refreshesWith(refresh), "the refresh reached the provider");
            Rows.execute("update connection set status = 'DEAUTHORIZED' where id = ?1", id);
            run.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertEquals("DEAUTHORIZED", RealConnections.status(id));
        assertEquals(
                1,
                provider.findAll(postRequestedFor(urlEqualTo(TokenProvider.REVOCATION_PATH))
                                .withRequestBody(containing("token=" + lateRefresh)))
                        .size(),
                "the refresh token that came back too late is revoked");
        assertEquals(
                1,
                provider.findAll(postRequestedFor(urlEqualTo(TokenProvider.REVOCATION_PATH))
                                .withRequestBody(containing("token=" + lateAccess)))
                        .size(),
                "and so is its access token");
        assertFalse(lateRefresh.equals(RealConnections.refreshToken(id)), "nothing of it is stored");
    }

    @Test
    void invalidGrantAsksForReconnectionWithOneWebhookAndAnAuditEvent() {
        Browser browser = new Browser();
        String email = signedUp(browser, "Token Revoked Grant Co");
        String refresh = unique("rt-revoked");
        long id = RealConnections.linked(
                email,
                TokenProvider.PLATFORM,
                unique("at-revoked"),
                refresh,
                Instant.now().plusSeconds(30));
        provider.stubFor(post(urlEqualTo(TokenProvider.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}")));

        refresher.runOnce();
        refresher.runOnce();

        assertEquals("REAUTH_REQUIRED", RealConnections.status(id));
        assertEquals(1, refreshesWith(refresh), "a connection that needs reconnecting is not refreshed again");
        assertEquals(
                1,
                Rows.count("audit_event", "connection_id = ?1 and type = 'REAUTHORIZATION_REQUIRED'", id),
                "recorded in the audit trail");
        assertEquals(
                1,
                Rows.count(
                        "webhook_delivery",
                        "event_type = 'connection.reauthorization_required' and payload like ?1",
                        "%\"connectionId\":" + id + ",%"),
                "the integrator is told once");
        String page = browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("Needs reconnecting"), page);
        assertTrue(page.contains("id=\"reconnect\""), "Reconnect is offered");
    }

    @Test
    void aProviderOutageLeavesTheConnectionLinkedAndIsRetriedAtTheNextRunNotBeforeItsRetryAfter() {
        Browser browser = new Browser();
        String email = signedUp(browser, "Token Outage Co");
        String refresh = unique("rt-outage");
        String access = unique("at-outage");
        long id = RealConnections.linked(
                email, TokenProvider.PLATFORM, access, refresh, Instant.now().plusSeconds(90));
        provider.stubFor(post(urlEqualTo(TokenProvider.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

        Instant now = Instant.now();
        refresher.runOnce(now);
        assertEquals(1, refreshesWith(refresh));
        assertEquals("LINKED", RealConnections.status(id), "a provider outage is not the business's problem");
        assertEquals(access, RealConnections.accessToken(id));
        assertEquals(refresh, RealConnections.refreshToken(id));
        assertEquals(0, Rows.count("audit_event", "connection_id = ?1 and type = 'REAUTHORIZATION_REQUIRED'", id));

        refresher.runOnce(now.plusSeconds(60));
        assertEquals(1, refreshesWith(refresh), "not before the provider's Retry-After");

        String next = unique("rt-outage-next");
        rotates(refresh, unique("at-outage-next"), next);
        refresher.runOnce(now.plusSeconds(121));
        assertEquals(2, refreshesWith(refresh), "tried again at the next run after it");
        assertEquals(next, RealConnections.refreshToken(id));
        assertEquals("LINKED", RealConnections.status(id));
    }

    @Test
    void withoutARefreshTokenThePageSaysWhenAccessEndsAndThenAsksForReconnection() {
        Browser browser = new Browser();
        String email = signedUp(browser, "Token No Refresh Co");
        long id = RealConnections.linked(
                email,
                TokenProvider.PLATFORM,
                unique("at-only"),
                null,
                Instant.now().plus(Duration.ofDays(3)));

        String page = browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("id=\"access-ends-at\""), page);
        assertTrue(page.contains("gave us no way to renew this access by ourselves"), page);
        browser.post("/language", Map.of("lang", "fr", "next", "/connections/" + id));
        String french = browser.get("/connections/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(french.contains("ne nous a donné aucun moyen de renouveler cet accès"), french);

        refresher.runOnce();
        assertEquals("LINKED", RealConnections.status(id), "nothing to do while the access lasts");

        RealConnections.expiresAt(id, Instant.now().minusSeconds(5));
        refresher.runOnce();
        assertEquals(
                "REAUTH_REQUIRED", RealConnections.status(id), "once it ended, the business is asked to reconnect");
        assertEquals(1, Rows.count("audit_event", "connection_id = ?1 and type = 'REAUTHORIZATION_REQUIRED'", id));
    }

    @Test
    void aTokenEndpointThatRedirectsIsNeverFollowedAndChangesNothing() {
        Browser browser = new Browser();
        String email = signedUp(browser, "Token Redirect Co");
        String refresh = unique("rt-redirect");
        long id = RealConnections.linked(
                email,
                TokenProvider.PLATFORM,
                unique("at-redirect"),
                refresh,
                Instant.now().plusSeconds(30));
        provider.stubFor(post(urlEqualTo(TokenProvider.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(aResponse().withStatus(307).withHeader("Location", "/elsewhere/token")));

        refresher.runOnce();

        assertEquals(1, refreshesWith(refresh));
        assertEquals(
                0,
                provider.findAll(postRequestedFor(urlEqualTo("/elsewhere/token")))
                        .size(),
                "the credentials and the refresh token are never sent on to another address");
        assertEquals("LINKED", RealConnections.status(id));
        assertEquals(refresh, RealConnections.refreshToken(id));
    }
}
