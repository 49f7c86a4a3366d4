package io.connectionportal.connectors;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.Config;

import io.connectionportal.connectors.ConnectorSettings.ClientAuthentication;
import io.connectionportal.platforms.Platform;
import io.connectionportal.shared.PortalConfig;

/**
 * Finds the connector for a platform. A platform given real OAuth settings
 * ({@code portal.connector."<key>".authorization-url}, {@code token-url}, {@code client-id}, …) goes to
 * its real provider; every other platform connects through the built-in sandbox emulating it.
 */
@ApplicationScoped
public class Connectors {

    private final PortalConfig portal;
    private final Config config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Clock clock;

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

    public Connector forPlatform(Platform platform) {
        return new OAuth2Connector(settings(platform), http, json, clock);
    }

    /** The redirect URI registered with every provider: always from configuration, never from request headers. */
    public String redirectUri() {
        return portal.baseUrl() + "/connect/callback";
    }

    public boolean isSandbox(Platform platform) {
        return setting(platform, "authorization-url").isEmpty();
    }

    ConnectorSettings settings(Platform platform) {
        Optional<String> authorizationUrl = setting(platform, "authorization-url");
        if (authorizationUrl.isEmpty()) {
            return sandbox(platform);
        }
        return new ConnectorSettings(
                authorizationUrl.get(),
                required(platform, "token-url"),
                setting(platform, "revocation-url"),
                required(platform, "client-id"),
                required(platform, "client-secret"),
                setting(platform, "scopes").orElse(""),
                setting(platform, "client-authentication")
                        .map(v -> ClientAuthentication.valueOf(v.toUpperCase().replace('-', '_')))
                        .orElse(ClientAuthentication.CLIENT_SECRET_BASIC),
                redirectUri(),
                setting(platform, "issuer"),
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
                true);
    }

    private Optional<String> setting(Platform platform, String name) {
        return Optional.ofNullable(portal.connector()
                        .getOrDefault(platform.key(), Map.of())
                        .get(name))
                .filter(v -> !v.isBlank());
    }

    private String required(Platform platform, String name) {
        return setting(platform, name)
                .orElseThrow(() -> new IllegalStateException("portal.connector.\"" + platform.key() + "\"." + name
                        + " is required once authorization-url is set"));
    }
}
