package io.connectionportal.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real third-party OAuth 2.0 server (no.nav.security:mock-oauth2-server) for the whole test run.
 * The catalog platform {@value #PLATFORM} is given real OAuth settings pointing at it, which is how
 * an integrator switches a platform from the sandbox to its real provider.
 */
public class ThirdPartyProvider implements QuarkusTestResourceLifecycleManager {

    public static final String PLATFORM = "freeagent";
    public static final String CLIENT_ID = "portal-client";
    public static final String CLIENT_SECRET = "third-party-secret";
    /** A platform whose provider signs people in but whose token endpoint never answers. */
    public static final String UNREACHABLE_PLATFORM = "wave";

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {}

    private MockOAuth2Server server;

    @Override
    public Map<String, String> start() {
        server = new MockOAuth2Server();
        server.start();
        String prefix = "portal.connectors." + PLATFORM + ".";
        String dead = "portal.connectors." + UNREACHABLE_PLATFORM + ".";
        return Map.ofEntries(
                Map.entry(
                        dead + "authorization-url",
                        server.authorizationEndpointUrl(UNREACHABLE_PLATFORM).toString()),
                // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
                Map.entry(dead + "token-url", "http://127.0.0.1:9/token"),
                Map.entry(dead + "client-id", CLIENT_ID),
                Map.entry(dead + "client-secret", CLIENT_SECRET),
                Map.entry(dead + "scopes", "openid offline_access"),
                Map.entry(
                        prefix + "authorization-url",
                        server.authorizationEndpointUrl(PLATFORM).toString()),
                Map.entry(
                        prefix + "token-url", server.tokenEndpointUrl(PLATFORM).toString()),
                Map.entry(
                        prefix + "revocation-url",
                        server.revocationEndpointUrl(PLATFORM).toString()),
                Map.entry(prefix + "client-id", CLIENT_ID),
                Map.entry(prefix + "client-secret", CLIENT_SECRET),
                Map.entry(prefix + "client-authentication", "client-secret-post"),
                Map.entry(prefix + "scopes", "openid offline_access"),
                Map.entry(prefix + "issuer", server.issuerUrl(PLATFORM).toString()));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                server, new TestInjector.AnnotatedAndMatchesType(Server.class, MockOAuth2Server.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }
}
