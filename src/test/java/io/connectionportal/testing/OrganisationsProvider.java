package io.connectionportal.testing;

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
 * A provider that, like Xero, names the granted organisations only through its API ({@code GET /connections}), on
 * WireMock for the whole test run. The catalog platform {@value #PLATFORM} (connected through the sandbox by no other
 * test) is given real settings pointing here and the {@code xero-tenants} post-connect step; Xero itself keeps its
 * sandbox, which many tests connect through. Applies to every {@code @QuarkusTest} (not restricted): one boot.
 */
@QuarkusTestResource(OrganisationsProvider.class)
public class OrganisationsProvider implements QuarkusTestResourceLifecycleManager {

    public static final String PLATFORM = "sage-50-uk";
    public static final String TOKEN_PATH = "/organisations/token";
    public static final String REVOCATION_PATH = "/organisations/revoke";
    /** The API root; the tenants are at {@code API_PATH + "/connections"}. */
    public static final String API_PATH = "/organisations-api";

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
        String prefix = "portal.connectors." + PLATFORM + ".";
        return Map.ofEntries(
                Map.entry(prefix + "authorization-url", base + "/organisations/authorize"),
                Map.entry(prefix + "token-url", base + TOKEN_PATH),
                Map.entry(prefix + "revocation-url", base + REVOCATION_PATH),
                Map.entry(prefix + "api-url", base + API_PATH),
                Map.entry(prefix + "after-connect", "xero-tenants"),
                Map.entry(prefix + "client-id", "portal"),
                Map.entry(prefix + "client-secret", "organisations-secret"),
                Map.entry(prefix + "scopes", "offline_access accounting.settings.read"));
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
