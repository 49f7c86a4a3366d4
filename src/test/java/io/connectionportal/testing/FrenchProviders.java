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
 * Pennylane's and Qonto's APIs and token endpoints, stubbed per test on one WireMock server for the whole test run.
 * Many tests connect {@code pennylane} and {@code qonto} through the sandbox, and a platform with any setting connects
 * for real, so the real settings go to two stand-in catalog platforms that no other test uses: {@value #PENNYLANE}
 * reads its data with Pennylane's client and {@value #QONTO} with Qonto's ({@code sync/StandInPennylaneApi},
 * {@code sync/StandInQontoApi}). Applies to every {@code @QuarkusTest} (not restricted), so there is still one boot.
 */
@QuarkusTestResource(FrenchProviders.class)
public class FrenchProviders implements QuarkusTestResourceLifecycleManager {

    /** The catalog platform that stands for Pennylane in tests (an accounting platform reading the same types). */
    public static final String PENNYLANE = "ebp-compta";
    /** The catalog platform that stands for Qonto in tests (a bank). */
    public static final String QONTO = "credit-mutuel";

    public static final String PENNYLANE_API = "/pennylane/api/external/v2";
    public static final String PENNYLANE_TOKEN = "/pennylane/oauth/token";
    public static final String QONTO_API = "/qonto/v2";
    public static final String QONTO_TOKEN = "/qonto/oauth2/token";

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
        String pennylane = "portal.connectors." + PENNYLANE + ".";
        String qonto = "portal.connectors." + QONTO + ".";
        return Map.ofEntries(
                Map.entry(pennylane + "authorization-url", base + "/pennylane/oauth/authorize"),
                Map.entry(pennylane + "token-url", base + PENNYLANE_TOKEN),
                Map.entry(pennylane + "revocation-url", base + "/pennylane/oauth/revoke"),
                Map.entry(pennylane + "client-id", "portal"),
                Map.entry(pennylane + "client-secret", "french-providers-secret"),
                Map.entry(pennylane + "client-authentication", "client_secret_post"),
                Map.entry(pennylane + "scopes", "ledger_accounts:readonly customer_invoices:readonly"),
                Map.entry(pennylane + "api-url", base + PENNYLANE_API),
                Map.entry(qonto + "authorization-url", base + "/qonto/oauth2/auth"),
                Map.entry(qonto + "token-url", base + QONTO_TOKEN),
                Map.entry(qonto + "revocation-url", base + "/qonto/oauth2/revoke"),
                Map.entry(qonto + "client-id", "portal"),
                Map.entry(qonto + "client-secret", "french-providers-secret"),
                Map.entry(qonto + "client-authentication", "client_secret_post"),
                Map.entry(qonto + "scopes", "offline_access organization.read"),
                Map.entry(qonto + "api-url", base + QONTO_API));
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
