package io.connectionportal.connectors;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.Config;

import io.connectionportal.connectors.ConnectorSettings.ClientAuthentication;
import io.connectionportal.platforms.OAuthPreset;
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
    private final HttpClient http;
    private final Clock clock;
    private volatile Map<String, ConnectorSettings> real;

    Connectors(PortalConfig portal, Config config, PlatformCatalog catalog, ObjectMapper json) {
        this.portal = portal;
        this.config = config;
        this.catalog = catalog;
        this.json = json;
        this.clock = Clock.systemUTC();
        // Token endpoints are never followed through redirects: a redirect would resend credentials elsewhere.
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void checkAtStartup(@Observes StartupEvent started) {
        realSettings();
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
        return new OAuth2Connector(settings, http, json, clock);
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
        return sandbox ? new OAuth2Connector(sandbox(platform), http, json, clock) : forPlatform(platform, shop);
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

    private Map<String, ConnectorSettings> resolve() {
        Set<String> keys = catalog.all().stream().map(Platform::key).collect(Collectors.toSet());
        ConnectorConfiguration given = ConnectorConfiguration.read(config, keys);
        List<String> problems = new ArrayList<>(given.problems());
        Map<String, ConnectorSettings> resolved = new TreeMap<>();
        for (String key : given.configuredKeys()) {
            Platform platform = catalog.find(key).orElseThrow();
            new RealSettings(platform, given, problems).resolve().ifPresent(s -> resolved.put(key, s));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The connector settings are invalid:\n- " + String.join("\n- ", problems));
        }
        return Map.copyOf(resolved);
    }

    /** One real platform's settings, each from the first of: configuration, provider metadata, catalog preset. */
    private final class RealSettings {

        private final Platform platform;
        private final ConnectorConfiguration given;
        private final List<String> problems;
        private final Optional<OAuthPreset> preset;
        private Optional<ProviderMetadata> metadata = Optional.empty();

        RealSettings(Platform platform, ConnectorConfiguration given, List<String> problems) {
            this.platform = platform;
            this.given = given;
            this.problems = problems;
            this.preset = platform.oauth();
        }

        Optional<ConnectorSettings> resolve() {
            int before = problems.size();
            Optional<String> discoveryUrl = setting("discovery-url");
            if (discoveryUrl.isPresent()) {
                try {
                    metadata = Optional.of(
                            ProviderDiscovery.read(platform.key(), discoveryUrl.get(), setting("issuer"), http, json));
                } catch (IllegalStateException e) {
                    problems.add(e.getMessage());
                }
            }
            Optional<String> authorizationUrl = url(
                    "authorization-url",
                    metadata.flatMap(ProviderMetadata::authorizationEndpoint),
                    preset.flatMap(OAuthPreset::authorizationUrl));
            Optional<String> tokenUrl = url(
                    "token-url",
                    metadata.flatMap(ProviderMetadata::tokenEndpoint),
                    preset.flatMap(OAuthPreset::tokenUrl));
            Optional<String> revocationUrl = url(
                    "revocation-url",
                    metadata.flatMap(ProviderMetadata::revocationEndpoint),
                    preset.flatMap(OAuthPreset::revocationUrl));
            Optional<String> apiUrl = url("api-url", Optional.empty(), preset.flatMap(OAuthPreset::apiUrl));
            Optional<String> issuer = setting("issuer")
                    .or(() -> metadata.map(ProviderMetadata::issuer))
                    .or(() -> preset.flatMap(OAuthPreset::issuer));
            boolean issParameterSupported = setting("iss-parameter-supported")
                    .map(this::bool)
                    .orElse(metadata.map(ProviderMetadata::issParameterSupported)
                            .orElse(false));
            Optional<ClientAuthentication> clientAuthentication = setting("client-authentication")
                    .or(() -> preset.map(OAuthPreset::clientAuthentication))
                    .map(value -> ClientAuthentication.parse(value).or(() -> {
                        problems.add(name("client-authentication") + ": '" + value
                                + "' is not client_secret_basic or client_secret_post");
                        return Optional.empty();
                    }))
                    .orElse(Optional.of(ClientAuthentication.CLIENT_SECRET_BASIC));
            String where = preset.isPresent() ? "" : " (the catalog has no preset for " + platform.key() + ")";
            if (authorizationUrl.isEmpty()) {
                problems.add(name("authorization-url") + " is required" + where);
            }
            if (tokenUrl.isEmpty()) {
                problems.add(name("token-url") + " is required" + where);
            }
            Optional<String> clientId = required("client-id");
            Optional<String> clientSecret = required("client-secret");
            if (issParameterSupported && issuer.isEmpty()) {
                problems.add(name("issuer") + " is required once " + name("iss-parameter-supported")
                        + " is true: the callback's iss is compared to it");
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new ConnectorSettings(
                    authorizationUrl.get(),
                    tokenUrl.get(),
                    revocationUrl,
                    clientId.get(),
                    clientSecret.get(),
                    setting("scopes")
                            .orElseGet(() -> preset.map(p -> p.scopesFor(platform.reads()))
                                    .orElse("")),
                    clientAuthentication.get(),
                    redirectUri(),
                    issuer,
                    issParameterSupported,
                    false,
                    preset.map(OAuthPreset::authorizeParameters).orElse(Map.of()),
                    preset.flatMap(OAuthPreset::accountParameter),
                    preset.flatMap(OAuthPreset::afterConnect),
                    preset.flatMap(OAuthPreset::shopHost),
                    apiUrl,
                    preset.map(OAuthPreset::tokenParameters).orElse(Map.of()),
                    preset.map(OAuthPreset::tokenTypeOptional).orElse(false),
                    preset.map(OAuthPreset::callbackHmac).orElse(false)));
        }

        private Optional<String> setting(String name) {
            return given.setting(platform.key(), name);
        }

        private String name(String setting) {
            return ConnectorConfiguration.settingName(platform, setting);
        }

        private Optional<String> required(String name) {
            Optional<String> value = setting(name);
            if (value.isEmpty()) {
                problems.add(name(name) + " is required to connect " + platform.name() + " for real");
            }
            return value;
        }

        private Optional<String> url(String name, Optional<String> published, Optional<String> preset) {
            Optional<String> value = setting(name).or(() -> published).or(() -> preset);
            value.filter(url -> !acceptable(url))
                    .ifPresent(url -> problems.add(
                            name(name) + ": " + url + " must be an https:// address (http:// only for localhost)"));
            return value;
        }

        private boolean bool(String value) {
            if (!value.equals("true") && !value.equals("false")) {
                problems.add(name("iss-parameter-supported") + ": '" + value + "' is not true or false");
            }
            return Boolean.parseBoolean(value);
        }
    }

    /** https anywhere; http only to this machine (a provider stand-in in tests or a local try). */
    static boolean acceptable(String url) {
        try {
            URI uri = URI.create(url.replace("{shop}", "shop"));
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return true;
            }
            return "http".equals(uri.getScheme())
                    && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
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
                Map.of(),
                false,
                false);
    }

    static String settingName(String key, String name) {
        return ConnectorConfiguration.settingName(key, name);
    }
}
