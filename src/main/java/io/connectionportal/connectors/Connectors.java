package io.connectionportal.connectors;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.Config;

import io.connectionportal.connectors.ConnectorSettings.ClientAuthentication;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.PortalConfig;

/**
 * Finds the connector for a platform. A platform the operator gave settings for
 * ({@code portal.connectors.<key>.client-id}, {@code client-secret}, and, where the catalog has no preset,
 * {@code authorization-url}, {@code token-url}, …) goes to its real provider; every other platform connects through
 * the built-in sandbox emulating it. Settings are resolved once, at start-up: explicit settings win over the provider's
 * metadata ({@code discovery-url}), which wins over the catalog's preset. Every mistake found stops the start-up,
 * all of them listed at once, so none reaches a business pressing Continue.
 */
@ApplicationScoped
public class Connectors {

    private final PortalConfig portal;
    private final Config config;
    private final PlatformCatalog catalog;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Map<String, ConnectorSettings> real;
    private volatile Map<String, Duration> lifetimes;

    Connectors(PortalConfig portal, Config config, PlatformCatalog catalog, ObjectMapper json) {
        this.portal = portal;
        this.config = config;
        this.catalog = catalog;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /**
     * Made at its first use (a holder class the JVM initialises once), not at start-up: its TLS set-up reads the trust
     * store, a tenth of a second that the portal's first page need not wait for.
     */
    private static final class Http {
        // Token endpoints are never followed through redirects: a redirect would resend credentials elsewhere.
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void checkAtStartup(@Observes StartupEvent started) {
        realSettings();
        accessLifetimes();
    }

    /**
     * How long an authorization of the platform lasts at most, counted from its link: the operator's
     * {@code portal.connectors.<key>.access-lifetime}, else the catalog's {@code accessLifetime}; empty when the
     * platform sets no end (an operator's {@code none} removes the catalog's).
     */
    public Optional<Duration> accessLifetime(Platform platform) {
        Map<String, Duration> configured = accessLifetimes();
        if (configured.containsKey(platform.key())) {
            Duration lifetime = configured.get(platform.key());
            return lifetime.isZero() ? Optional.empty() : Optional.of(lifetime);
        }
        return platform.accessLifetime();
    }

    /** A connector for a new authorization: the real provider when the platform has settings, else the sandbox. */
    public Connector forPlatform(Platform platform) {
        return forPlatform(platform, Optional.empty());
    }

    /** The same, for one shop of a platform with per-shop hosts (Shopify); the shop is ignored elsewhere. */
    public Connector forPlatform(Platform platform, Optional<String> shop) {
        ConnectorSettings settings = settings(platform);
        // Without a shop the endpoints keep {shop}: only revoking (Shopify has no endpoint for it) goes on from here.
        if (settings.shopHost().isPresent() && shop.isPresent()) {
            settings = settings.forShop(shop.get());
        }
        return new OAuth2Connector(settings, Http.CLIENT, json, clock);
    }

    /**
     * A connector for an existing connection. One made in the sandbox stays with the sandbox after the operator gives
     * its platform real settings, so it keeps working (marked sandbox) until the business reconnects it for real.
     */
    public Connector forConnection(Platform platform, boolean sandbox) {
        return forConnection(platform, sandbox, Optional.empty());
    }

    /** The same for a connection to one shop ({@code Connection.providerAccountId}) of a per-shop platform. */
    public Connector forConnection(Platform platform, boolean sandbox, Optional<String> shop) {
        return sandbox ? new OAuth2Connector(sandbox(platform), Http.CLIENT, json, clock) : forPlatform(platform, shop);
    }

    /** The domain a real platform's shops live under ({@code myshopify.com}): the business names its shop first. */
    public Optional<String> shopHost(Platform platform) {
        return Optional.ofNullable(realSettings().get(platform.key())).flatMap(ConnectorSettings::shopHost);
    }

    /** The redirect URI registered with every provider: always from configuration, never from request headers. */
    public String redirectUri() {
        return portal.baseUrl() + "/connect/callback";
    }

    public boolean isSandbox(Platform platform) {
        return !realSettings().containsKey(platform.key());
    }

    /** Where the platform's data API lives (a real platform's preset or {@code api-url}); empty in the sandbox. */
    public Optional<String> apiUrl(Platform platform) {
        return Optional.ofNullable(realSettings().get(platform.key())).flatMap(ConnectorSettings::apiUrl);
    }

    /** The callback parameter that names the account granted, such as QuickBooks' {@code realmId}. */
    public Optional<String> accountParameter(Platform platform) {
        return Optional.ofNullable(realSettings().get(platform.key())).flatMap(ConnectorSettings::accountParameter);
    }

    /** The step after the token exchange, such as {@code xero-tenants}; empty in the sandbox. */
    public Optional<String> afterConnect(Platform platform) {
        return Optional.ofNullable(realSettings().get(platform.key())).flatMap(ConnectorSettings::afterConnect);
    }

    ConnectorSettings settings(Platform platform) {
        return Optional.ofNullable(realSettings().get(platform.key())).orElseGet(() -> sandbox(platform));
    }

    private Map<String, ConnectorSettings> realSettings() {
        Map<String, ConnectorSettings> resolved = real;
        if (resolved == null) {
            synchronized (this) {
                if (real == null) {
                    real = resolve();
                }
                resolved = real;
            }
        }
        return resolved;
    }

    private Map<String, Duration> accessLifetimes() {
        Map<String, Duration> resolved = lifetimes;
        if (resolved == null) {
            List<String> problems = new ArrayList<>();
            Set<String> keys = catalog.all().stream().map(Platform::key).collect(Collectors.toSet());
            resolved = Map.copyOf(ConnectorConfiguration.read(config, keys).accessLifetimes(problems));
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "The connector settings are invalid:\n- " + String.join("\n- ", problems));
            }
            lifetimes = resolved;
        }
        return resolved;
    }

    private Map<String, ConnectorSettings> resolve() {
        return ConnectorResolution.resolve(config, catalog.all(), redirectUri(), () -> Http.CLIENT, json);
    }

    private ConnectorSettings sandbox(Platform platform) {
        String base = portal.baseUrl() + "/sandbox/" + platform.key();
        String scopes = "offline_access "
                + platform.reads().stream().map(t -> t.key() + ".read").collect(Collectors.joining(" "));
        return new ConnectorSettings(
                base + "/oauth/authorize",
                base + "/oauth/token",
                Optional.of(base + "/oauth/revoke"),
                "connection-portal",
                config.getOptionalValue("sandbox.client-secret", String.class).orElse("sandbox-secret"),
                scopes,
                ClientAuthentication.CLIENT_SECRET_BASIC,
                redirectUri(),
                Optional.of(base),
                // The sandbox always names itself in its redirects (RFC 9207).
                true,
                true,
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ConnectorSettings.RevocationBody.FORM,
                Map.of(),
                false,
                false);
    }
}
