package io.connectionportal.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A token response without {@code token_type} (Shopify's) is accepted only for a platform whose preset says so
 * ({@code tokenTypeOptional}); elsewhere RFC 6749 holds and the access token must be a bearer one.
 */
class TokenTypeTest {

    private static WireMockServer provider;

    @BeforeAll
    static void startProvider() {
        provider = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        provider.start();
        provider.stubFor(post(urlEqualTo("/token"))
                .willReturn(okJson("{\"access_token\":\"shpat_1\",\"scope\":\"read_orders\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"shprt_1\"}")));
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    private static Connector connector(boolean tokenTypeOptional) {
        ConnectorSettings settings = new ConnectorSettings(
                provider.baseUrl() + "/authorize",
                provider.baseUrl() + "/token",
                Optional.empty(),
                "client",
                "secret",
                "read_orders",
                ConnectorSettings.ClientAuthentication.CLIENT_SECRET_POST,
                "http://localhost:8080/connect/callback",
                Optional.empty(),
                false,
                false,
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ConnectorSettings.RevocationBody.FORM,
                Map.of(),
                tokenTypeOptional,
                false);
        return new OAuth2Connector(settings, HttpClient.newHttpClient(), new ObjectMapper(), Clock.systemUTC());
    }

    @Test
    void aMissingTokenTypeIsAcceptedWhereThePresetSaysSo() throws ConnectorException {
        TokenSet tokens = connector(true).exchangeCode("code", "verifier");
        assertEquals("shpat_1", tokens.accessToken());
        assertEquals(Optional.of("shprt_1"), tokens.refreshToken());
    }

    @Test
    void aMissingTokenTypeIsRefusedElsewhere() {
        ConnectorException refused =
                assertThrows(ConnectorException.class, () -> connector(false).exchangeCode("code", "verifier"));
        assertEquals(ConnectorException.Reason.INVALID_RESPONSE, refused.reason());
    }
}
