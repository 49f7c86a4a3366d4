package io.connectionportal.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The integrator's webhook receiver for the whole test run: a WireMock server on a free loopback port, declared as
 * the endpoint {@value #ENDPOINT} for every event. It answers 204 unless a test stubs otherwise. Applies to every
 * {@code @QuarkusTest} (not restricted), so there is still one boot.
 */
@QuarkusTestResource(WebhookReceiver.class)
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    public static final String ENDPOINT = "test";
    public static final String PATH = "/webhooks";
    /** A test secret, never a real one. */
    public static final String SECRET = "whsec_uqRWS2YRTOP08B9VS+eNYX/TawADAd55dqTxw5I/0gA=";

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {}

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        String prefix = "portal.webhooks.endpoints." + ENDPOINT + ".";
        return Map.of(
                prefix + "url",
                "http://127.0.0.1:" + server.port() + PATH,
                prefix + "secret",
                SECRET,
                prefix + "events",
                "*");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
