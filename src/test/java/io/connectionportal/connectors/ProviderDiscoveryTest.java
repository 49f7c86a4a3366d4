package io.connectionportal.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The start-up read of a provider's metadata: what it supplies, and every way it stops start-up. */
class ProviderDiscoveryTest {

    private static final String OPENID = "/.well-known/openid-configuration";
    private static WireMockServer server;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static void publishes(String issuerPath, String document) {
        server.stubFor(get(urlEqualTo(issuerPath + OPENID)).willReturn(okJson(document)));
    }

    @Test
    void theMetadataSuppliesTheEndpointsTheIssuerAndIssSupport() {
        String issuer = base() + "/full";
        publishes(
                "/full",
                "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                        + "\"token_endpoint\":\"" + issuer + "/token\",\"revocation_endpoint\":\"" + issuer
                        + "/revoke\",\"authorization_response_iss_parameter_supported\":true}");

        ProviderMetadata metadata = ProviderDiscovery.read("xero", issuer + OPENID, Optional.empty(), HTTP, JSON);

        assertEquals(issuer, metadata.issuer());
        assertEquals(Optional.of(issuer + "/authorize"), metadata.authorizationEndpoint());
        assertEquals(Optional.of(issuer + "/token"), metadata.tokenEndpoint());
        assertEquals(Optional.of(issuer + "/revoke"), metadata.revocationEndpoint());
        assertTrue(metadata.issParameterSupported());
    }

    @Test
    void metadataThatDoesNotDeclareIssSupportLeavesItOff() {
        String issuer = base() + "/plain";
        publishes("/plain", "{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + issuer + "/token\"}");

        ProviderMetadata metadata = ProviderDiscovery.read("xero", issuer + OPENID, Optional.of(issuer), HTTP, JSON);

        assertFalse(metadata.issParameterSupported());
        assertEquals(Optional.empty(), metadata.revocationEndpoint());
    }

    @Test
    void anUnreadableDocumentStopsStartUpNamingThePlatformAndTheSetting() {
        server.stubFor(get(urlEqualTo("/missing" + OPENID)).willReturn(notFound()));

        IllegalStateException missing = assertThrows(
                IllegalStateException.class,
                () -> ProviderDiscovery.read("xero", base() + "/missing" + OPENID, Optional.empty(), HTTP, JSON));
        assertTrue(missing.getMessage().contains("Platform xero"), missing.getMessage());
        assertTrue(missing.getMessage().contains("portal.connectors.xero.discovery-url"), missing.getMessage());
        assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());

        IllegalStateException unreachable = assertThrows(
                IllegalStateException.class,
                () -> ProviderDiscovery.read(
                        "sage-intacct", "http://127.0.0.1:9/issuer" + OPENID, Optional.empty(), HTTP, JSON));
        assertTrue(
                unreachable.getMessage().contains("portal.connectors.sage-intacct.discovery-url"),
                unreachable.getMessage());
        assertTrue(unreachable.getMessage().contains("could not be read"), unreachable.getMessage());
    }

    @Test
    void aDocumentThatIsNotMetadataStopsStartUp() {
        server.stubFor(get(urlEqualTo("/html" + OPENID)).willReturn(okJson("[]")));

        IllegalStateException error = assertThrows(
                IllegalStateException.class,
                () -> ProviderDiscovery.read("xero", base() + "/html" + OPENID, Optional.empty(), HTTP, JSON));
        assertTrue(error.getMessage().contains("portal.connectors.xero.discovery-url"), error.getMessage());
    }

    @Test
    void aDocumentNamingAnotherIssuerThanTheConfiguredOneStopsStartUpNamingBothSettings() {
        String issuer = base() + "/mixed";
        publishes("/mixed", "{\"issuer\":\"https://evil.example/issuer\",\"token_endpoint\":\"" + issuer + "/t\"}");

        IllegalStateException error = assertThrows(
                IllegalStateException.class,
                () -> ProviderDiscovery.read("xero", issuer + OPENID, Optional.of(issuer), HTTP, JSON));
        assertTrue(error.getMessage().contains("Platform xero"), error.getMessage());
        assertTrue(error.getMessage().contains("portal.connectors.xero.discovery-url"), error.getMessage());
        assertTrue(error.getMessage().contains("portal.connectors.xero.issuer"), error.getMessage());
        assertTrue(error.getMessage().contains("https://evil.example/issuer"), error.getMessage());
    }

    @Test
    void withoutAConfiguredIssuerTheDocumentMustNameTheIssuerItsAddressStandsFor() {
        publishes("/other", "{\"issuer\":\"https://evil.example/issuer\"}");

        IllegalStateException error = assertThrows(
                IllegalStateException.class,
                () -> ProviderDiscovery.read("xero", base() + "/other" + OPENID, Optional.empty(), HTTP, JSON));
        assertTrue(error.getMessage().contains("portal.connectors.xero.discovery-url"), error.getMessage());
    }

    @Test
    void bothWellKnownFormsNameTheirIssuer() {
        assertEquals(
                Optional.of("https://id.example/tenant"),
                ProviderDiscovery.issuerNamedBy("https://id.example/tenant/.well-known/openid-configuration"));
        assertEquals(
                Optional.of("https://id.example/tenant"),
                ProviderDiscovery.issuerNamedBy("https://id.example/.well-known/oauth-authorization-server/tenant"));
        assertEquals(
                Optional.of("https://id.example"),
                ProviderDiscovery.issuerNamedBy("https://id.example/.well-known/oauth-authorization-server"));
        assertEquals(Optional.empty(), ProviderDiscovery.issuerNamedBy("https://id.example/metadata.json"));
    }
}
