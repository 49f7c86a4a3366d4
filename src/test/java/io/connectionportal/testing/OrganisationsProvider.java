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
 * sandbox, which many tests connect through. {@value #REALM_PLATFORM} stands for QuickBooks Online the same way: its
 * callback names the company in {@code realmId}. Applies to every {@code @QuarkusTest} (not restricted): one boot.
 */
@QuarkusTestResource(OrganisationsProvider.class)
public class OrganisationsProvider implements QuarkusTestResourceLifecycleManager {

    public static final String PLATFORM = "sage-50-uk";
    public static final String TOKEN_PATH = "/organisations/token";
    public static final String REVOCATION_PATH = "/organisations/revoke";
    /** The API root; the tenants are at {@code API_PATH + "/connections"}. */
    public static final String API_PATH = "/organisations-api";

    /** A platform that, like QuickBooks Online, names the granted company on the callback ({@code realmId}). */
    public static final String REALM_PLATFORM = "netsuite";

    public static final String REALM_TOKEN_PATH = "/realm/token";

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
        String realm = "portal.connectors." + REALM_PLATFORM + ".";
        return Map.ofEntries(
                Map.entry(realm + "authorization-url", base + "/realm/authorize"),
                Map.entry(realm + "token-url", base + REALM_TOKEN_PATH),
                Map.entry(realm + "account-parameter", "realmId"),
                Map.entry(realm + "client-id", "portal"),
                Map.entry(realm + "client-secret", "realm-secret"),
                Map.entry(realm + "scopes", "com.intuit.quickbooks.accounting"),
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
