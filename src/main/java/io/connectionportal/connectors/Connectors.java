package io.connectionportal.connectors;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.Config;

import io.connectionportal.connectors.ConnectorSettings.ClientAuthentication;
import io.connectionportal.platforms.Platform;
import io.connectionportal.shared.PortalConfig;

/**
 * Finds the connector for a platform. A platform given real OAuth settings
 * ({@code portal.connector."<key>".authorization-url}, {@code token-url}, {@code client-id}, …) goes to
 * its real provider; every other platform connects through the built-in sandbox emulating it. A platform with a
 * {@code discovery-url} takes its endpoints, issuer and RFC 9207 support from the provider's metadata, read once at
 * start-up; settings given explicitly win over the document.
 */
@ApplicationScoped
public class Connectors {

    private final PortalConfig portal;
    private final Config config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, ProviderMetadata> published = new ConcurrentHashMap<>();

    Connectors(PortalConfig portal, Config config, ObjectMapper json) {
        this.portal = portal;
        this.config = config;
        this.json = json;
        this.clock = Clock.systemUTC();
        // Token endpoints are never followed through redirects: a redirect would resend credentials elsewhere.
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Reads every provider's metadata and checks every real platform's settings, so a mistake stops start-up. */
    void checkAtStartup(@Observes StartupEvent started) {
        for (String key : portal.connector().keySet()) {
            setting(key, "discovery-url")
                    .ifPresent(url ->
                            published.put(key, ProviderDiscovery.read(key, url, setting(key, "issuer"), http, json)));
            if (!isSandbox(key)) {
                real(key);
            }
        }
    }

    public Connector forPlatform(Platform platform) {
        return new OAuth2Connector(settings(platform), http, json, clock);
    }

    /** The redirect URI registered with every provider: always from configuration, never from request headers. */
    public String redirectUri() {
        return portal.baseUrl() + "/connect/callback";
    }

    public boolean isSandbox(Platform platform) {
        return isSandbox(platform.key());
    }

    private boolean isSandbox(String key) {
        return setting(key, "authorization-url").isEmpty()
                && setting(key, "discovery-url").isEmpty();
    }

    ConnectorSettings settings(Platform platform) {
        return isSandbox(platform) ? sandbox(platform) : real(platform.key());
    }

    private ConnectorSettings real(String key) {
        Optional<ProviderMetadata> metadata = Optional.ofNullable(published.get(key));
        Optional<String> issuer = setting(key, "issuer").or(() -> metadata.map(ProviderMetadata::issuer));
        boolean issParameterSupported = setting(key, "iss-parameter-supported")
                .map(Boolean::parseBoolean)
                .orElse(metadata.map(ProviderMetadata::issParameterSupported).orElse(false));
        if (issParameterSupported && issuer.isEmpty()) {
            throw new IllegalStateException(settingName(key, "issuer") + " is required once "
                    + settingName(key, "iss-parameter-supported") + " is true: the callback's iss is compared to it");
        }
        return new ConnectorSettings(
                required(key, "authorization-url", metadata.flatMap(ProviderMetadata::authorizationEndpoint)),
                required(key, "token-url", metadata.flatMap(ProviderMetadata::tokenEndpoint)),
                setting(key, "revocation-url").or(() -> metadata.flatMap(ProviderMetadata::revocationEndpoint)),
                required(key, "client-id", Optional.empty()),
                required(key, "client-secret", Optional.empty()),
                setting(key, "scopes").orElse(""),
                setting(key, "client-authentication")
                        .map(v -> ClientAuthentication.valueOf(v.toUpperCase().replace('-', '_')))
                        .orElse(ClientAuthentication.CLIENT_SECRET_BASIC),
                redirectUri(),
                issuer,
                issParameterSupported,
                false);
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
                true);
    }

    private Optional<String> setting(String key, String name) {
        return Optional.ofNullable(
                        portal.connector().getOrDefault(key, Map.of()).get(name))
                .filter(v -> !v.isBlank());
    }

    private String required(String key, String name, Optional<String> published) {
        return setting(key, name)
                .or(() -> published)
                .orElseThrow(() -> new IllegalStateException(settingName(key, name)
                        + " is required once authorization-url or discovery-url is set"
                        + (name.endsWith("-url") ? " (and the provider's metadata gives none)" : "")));
    }

    static String settingName(String key, String name) {
        return "portal.connector.\"" + key + "\"." + name;
    }
}
