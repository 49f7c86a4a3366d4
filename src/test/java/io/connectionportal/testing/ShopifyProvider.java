package io.connectionportal.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Shopify, stubbed per test on WireMock for the whole test run: the catalog's {@code shopify} entry keeps its preset
 * (comma-separated scopes, client_secret_post, {@code expiring=1}, no token_type, the signed callback, shops under
 * {@code myshopify.com}) and only its endpoints move here, each shop's under {@code /shops/<shop>/}. Applies to every
 * {@code @QuarkusTest} (not restricted), so there is still one boot.
 */
@QuarkusTestResource(ShopifyProvider.class)
public class ShopifyProvider implements QuarkusTestResourceLifecycleManager {

    public static final String PLATFORM = "shopify";
    public static final String CLIENT_ID = "shopify-client";
    public static final String CLIENT_SECRET = "shopify-secret";
    public static final String API_VERSION = "2026-10";

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {}

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String shops = "http://127.0.0.1:" + server.port() + "/shops/{shop}";
        String setting = "portal.connectors." + PLATFORM + ".";
        return Map.of(
                setting + "client-id", CLIENT_ID,
                setting + "client-secret", CLIENT_SECRET,
                setting + "authorization-url", shops + "/admin/oauth/authorize",
                setting + "token-url", shops + "/admin/oauth/access_token",
                setting + "api-url", shops + "/admin/api/" + API_VERSION);
    }

    /** Where a shop's endpoints are on the stub, such as {@code /shops/my-shop/admin/api/2026-10}. */
    public static String apiPath(String shop) {
        return "/shops/" + shop + "/admin/api/" + API_VERSION;
    }

    public static String tokenPath(String shop) {
        return "/shops/" + shop + "/admin/oauth/access_token";
    }

    /** A response body kept under {@code src/test/resources/providers/shopify/} (see the README there). */
    public static String body(String file) {
        try (InputStream in = ShopifyProvider.class.getResourceAsStream("/providers/shopify/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource providers/shopify/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
