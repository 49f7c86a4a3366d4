package io.connectionportal.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.connectionportal.connectors.ConnectorSettings.ClientAuthentication;
import io.connectionportal.connectors.ConnectorSettings.RevocationBody;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.OAuthPreset;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;

/**
 * The Xero and QuickBooks Online presets as an operator gets them with only a client id and secret: the authorize URL
 * asks for the scopes of the data read and nothing else, and Intuit's revocation gets the JSON body it documents.
 */
@QuarkusTest
class XeroAndQuickBooksPresetsTest {

    private static WireMockServer intuit;

    @Inject
    PlatformCatalog catalog;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void startIntuit() {
        intuit = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        intuit.start();
    }

    @AfterAll
    static void stopIntuit() {
        intuit.stop();
    }

    @Test
    void xeroAsksForOfflineAccessAndTheReadScopesOfEachTypeItReads() {
        Platform xero = catalog.find("xero").orElseThrow();
        OAuthPreset preset = xero.oauth().orElseThrow();

        String scope = scopeOf(connector(xero, preset, preset.scopesFor(xero.reads()))
                .authorizationUrl("state", "challenge")
                .toString());

        assertEquals(
                List.of(
                        "offline_access",
                        "accounting.settings.read",
                        "accounting.invoices.read",
                        "accounting.reports.profitandloss.read",
                        "accounting.reports.balancesheet.read"),
                List.of(scope.split(" ")));
        assertEquals(Optional.of("https://login.xero.com/identity/connect/authorize"), preset.authorizationUrl());
        assertEquals(Optional.of("https://identity.xero.com/connect/token"), preset.tokenUrl());
        assertEquals(Optional.of("https://identity.xero.com/connect/revocation"), preset.revocationUrl());
        assertEquals(Optional.of("xero-tenants"), preset.afterConnect());
        assertEquals("form", preset.revocationBody());
    }

    @Test
    void xeroReadingOnlyInvoicesAsksForNoSettingsNorReports() {
        OAuthPreset preset = catalog.find("xero").orElseThrow().oauth().orElseThrow();

        assertEquals("offline_access accounting.invoices.read", preset.scopesFor(List.of(DataType.INVOICES)));
        assertEquals(
                "offline_access accounting.reports.profitandloss.read accounting.reports.balancesheet.read",
                preset.scopesFor(List.of(DataType.FINANCIAL_STATEMENTS)));
    }

    @Test
    void quickBooksAsksForTheAccountingScopeAndNamesTheRealmOnTheCallback() {
        Platform quickBooks = catalog.find("quickbooks-online").orElseThrow();
        OAuthPreset preset = quickBooks.oauth().orElseThrow();

        String url = connector(quickBooks, preset, preset.scopesFor(quickBooks.reads()))
                .authorizationUrl("state", "challenge")
                .toString();

        assertTrue(url.startsWith("https://appcenter.intuit.com/connect/oauth2?"), url);
        assertEquals("com.intuit.quickbooks.accounting", scopeOf(url));
        assertEquals(Optional.of("realmId"), preset.accountParameter());
        assertEquals(Optional.of("https://quickbooks.api.intuit.com"), preset.apiUrl());
    }

    @Test
    void quickBooksRevocationSendsTheTokenAsJsonWithBasicAuthentication() throws Exception {
        intuit.stubFor(post(urlEqualTo("/v2/oauth2/tokens/revoke"))
                .willReturn(aResponse().withStatus(200)));
        Platform quickBooks = catalog.find("quickbooks-online").orElseThrow();
        OAuthPreset preset = quickBooks.oauth().orElseThrow();
        assertEquals("json", preset.revocationBody());

        connector(quickBooks, preset, "com.intuit.quickbooks.accounting")
                .revoke("the-refresh-token", Connector.TokenKind.REFRESH_TOKEN);

        intuit.verify(postRequestedFor(urlEqualTo("/v2/oauth2/tokens/revoke"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Basic cG9ydGFsOnNlY3JldA=="))
                .withRequestBody(equalToJson("{\"token\":\"the-refresh-token\"}")));
    }

    @Test
    void aFormRevocationStillFollowsRfc7009() throws Exception {
        intuit.stubFor(post(urlEqualTo("/v2/oauth2/tokens/revoke"))
                .willReturn(aResponse().withStatus(200)));
        Platform xero = catalog.find("xero").orElseThrow();
        OAuthPreset preset = xero.oauth().orElseThrow();

        connector(xero, preset, "offline_access").revoke("an-access-token", Connector.TokenKind.ACCESS_TOKEN);

        intuit.verify(postRequestedFor(urlEqualTo("/v2/oauth2/tokens/revoke"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("token=an-access-token&token_type_hint=access_token")));
    }

    /** The preset's settings, as Connectors resolves them, with the revocation endpoint on the stand-in. */
    private OAuth2Connector connector(Platform platform, OAuthPreset preset, String scopes) {
        ConnectorSettings settings = new ConnectorSettings(
                preset.authorizationUrl().orElseThrow(),
                preset.tokenUrl().orElseThrow(),
                Optional.of("http://127.0.0.1:" + intuit.port() + "/v2/oauth2/tokens/revoke"),
                "portal",
                "secret",
                scopes,
                ClientAuthentication.valueOf(preset.clientAuthentication().toUpperCase()),
                "https://portal.example/connect/callback",
                preset.issuer(),
                false,
                false,
                preset.authorizeParameters(),
                preset.accountParameter(),
                preset.afterConnect(),
                preset.shopHost(),
                preset.apiUrl(),
                "json".equals(preset.revocationBody()) ? RevocationBody.JSON : RevocationBody.FORM,
                preset.tokenParameters(),
                preset.tokenTypeOptional(),
                preset.callbackHmac());
        assertEquals(Optional.of(preset), platform.oauth());
        return new OAuth2Connector(settings, HttpClient.newHttpClient(), json, Clock.systemUTC());
    }

    private static String scopeOf(String url) {
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith("scope=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
