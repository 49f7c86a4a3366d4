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
 * A real provider's token and revocation endpoints, stubbed per test on WireMock, for the whole test run: the catalog
 * platform {@value #PLATFORM} is given real OAuth settings pointing at it, and {@value #NO_REVOCATION_PLATFORM} the
 * same without a revocation endpoint. Neither has a data client. Applies to every {@code @QuarkusTest} (not
 * restricted), so there is still one boot.
 */
@QuarkusTestResource(TokenProvider.class)
public class TokenProvider implements QuarkusTestResourceLifecycleManager {

    public static final String PLATFORM = "myob";
    public static final String NO_REVOCATION_PLATFORM = "freshbooks";
    public static final String TOKEN_PATH = "/" + PLATFORM + "/token";
    public static final String REVOCATION_PATH = "/" + PLATFORM + "/revoke";
    public static final String NO_REVOCATION_TOKEN_PATH = "/" + NO_REVOCATION_PLATFORM + "/token";

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
        String real = "portal.connector.\"" + PLATFORM + "\".";
        String noRevocation = "portal.connector.\"" + NO_REVOCATION_PLATFORM + "\".";
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
                Map.entry(noRevocation + "client-secret", "token-provider-secret"));
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
