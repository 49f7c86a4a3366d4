package io.connectionportal.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider that reads its token from a header of its own (Shopify) gets it there, and no bearer header. */
class ProviderHttpTokenHeaderTest {

    private WireMockServer provider;

    @BeforeEach
    void start() {
        provider = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        provider.start();
        provider.stubFor(get(urlEqualTo("/orders.json")).willReturn(okJson("{\"orders\":[]}")));
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void theTokenGoesInTheNamedHeaderOnly() throws ProviderApiException {
        ProviderHttp http = new ProviderHttp(new ObjectMapper());
        ProviderHttp.Answer answer = http.getWithTokenHeader(
                URI.create(provider.baseUrl() + "/orders.json"),
                "X-Shopify-Access-Token",
                "shpat_1",
                Map.of(),
                "orders");
        assertEquals(0, answer.body().path("orders").size());
        provider.verify(getRequestedFor(urlEqualTo("/orders.json"))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_1"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void theUsualCallStillSendsABearerToken() throws ProviderApiException {
        new ProviderHttp(new ObjectMapper())
                .get(URI.create(provider.baseUrl() + "/orders.json"), "tok", Map.of(), "orders");
        provider.verify(getRequestedFor(urlEqualTo("/orders.json")).withHeader("Authorization", equalTo("Bearer tok")));
    }
}
