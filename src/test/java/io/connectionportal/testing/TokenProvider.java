package io.connectionportal.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
 * A real provider's token and revocation endpoints, stubbed per test on WireMock, for the whole test run: the catalog
 * platform {@value #PLATFORM} is given real OAuth settings pointing at it, and {@value #NO_REVOCATION_PLATFORM} the
 * same without a revocation endpoint; {@value #DISCOVERED_PLATFORM} is given only a {@code discovery-url} and client
 * credentials, its endpoints and RFC 9207 support coming from the metadata document served here before start-up. None
 * has a data client. Applies to every {@code @QuarkusTest} (not restricted), so there is still one boot.
 */
@QuarkusTestResource(TokenProvider.class)
public class TokenProvider implements QuarkusTestResourceLifecycleManager {

    public static final String PLATFORM = "myob";
    public static final String NO_REVOCATION_PLATFORM = "freshbooks";
    public static final String TOKEN_PATH = "/" + PLATFORM + "/token";
    public static final String REVOCATION_PATH = "/" + PLATFORM + "/revoke";
    public static final String NO_REVOCATION_TOKEN_PATH = "/" + NO_REVOCATION_PLATFORM + "/token";
    public static final String DISCOVERED_PLATFORM = "zoho-books";
    /** The issuer path; the metadata is at this path followed by {@code /.well-known/openid-configuration}. */
    public static final String DISCOVERED_ISSUER_PATH = "/" + DISCOVERED_PLATFORM;

    public static final String DISCOVERED_TOKEN_PATH = DISCOVERED_ISSUER_PATH + "/oauth/token";

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {}

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        String real = "portal.connectors." + PLATFORM + ".";
        String noRevocation = "portal.connectors." + NO_REVOCATION_PLATFORM + ".";
        String discovered = "portal.connectors." + DISCOVERED_PLATFORM + ".";
        String issuer = base + DISCOVERED_ISSUER_PATH;
        server.stubFor(get(urlEqualTo(DISCOVERED_ISSUER_PATH + "/.well-known/openid-configuration"))
                .willReturn(okJson("{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer
                        + "/oauth/authorize\",\"token_endpoint\":\"" + base + DISCOVERED_TOKEN_PATH
                        + "\",\"revocation_endpoint\":\"" + issuer + "/oauth/revoke\","
                        + "\"authorization_response_iss_parameter_supported\":true}")));
        return Map.ofEntries(
                Map.entry(real + "authorization-url", base + "/" + PLATFORM + "/authorize"),
                Map.entry(real + "token-url", base + TOKEN_PATH),
                Map.entry(real + "revocation-url", base + REVOCATION_PATH),
                Map.entry(real + "client-id", "portal"),
                Map.entry(real + "client-secret", "token-provider-secret"),
                Map.entry(real + "scopes", "offline_access"),
                Map.entry(noRevocation + "authorization-url", base + "/" + NO_REVOCATION_PLATFORM + "/authorize"),
                Map.entry(noRevocation + "token-url", base + NO_REVOCATION_TOKEN_PATH),
                Map.entry(noRevocation + "client-id", "portal"),
                Map.entry(noRevocation + "client-secret", "token-provider-secret"),
                Map.entry(discovered + "discovery-url", issuer + "/.well-known/openid-configuration"),
                Map.entry(discovered + "client-id", "portal"),
                Map.entry(discovered + "client-secret", "token-provider-secret"));
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
