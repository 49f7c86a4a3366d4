package io.connectionportal.connectors;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.Config;

import io.connectionportal.connectors.ConnectorSettings.ClientAuthentication;
import io.connectionportal.platforms.OAuthPreset;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;

/**
 * Turns the operator's connector settings into each real platform's {@link ConnectorSettings}, once, at start-up:
 * each value from the first of the explicit setting, the provider's metadata ({@code discovery-url}) and the catalog's
 * preset. Every problem is collected, so one start-up error lists them all. Pure apart from reading the metadata
 * documents, so it is tested without a Quarkus boot ({@code ConnectorResolutionTest}).
 */
final class ConnectorResolution {

    private ConnectorResolution() {}

    /**
     * The settings of every platform the operator configured, by key; an {@link IllegalStateException} listing every
     * problem found, one per line, when there is any. The HTTP client is asked for only to read a provider's metadata.
     */
    static Map<String, ConnectorSettings> resolve(
            Config config, List<Platform> catalog, String redirectUri, Supplier<HttpClient> http, ObjectMapper json) {
        Map<String, Platform> platforms = catalog.stream().collect(Collectors.toMap(Platform::key, p -> p));
        ConnectorConfiguration given = ConnectorConfiguration.read(config, platforms.keySet());
        List<String> problems = new ArrayList<>(given.problems());
        Map<String, ConnectorSettings> resolved = new TreeMap<>();
        for (String key : given.configuredKeys()) {
            new RealSettings(platforms.get(key), given, problems, redirectUri, http, json)
                    .resolve()
                    .ifPresent(s -> resolved.put(key, s));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The connector settings are invalid:\n- " + String.join("\n- ", problems));
        }
        return Map.copyOf(resolved);
    }

    /** One real platform's settings, each from the first of: configuration, provider metadata, catalog preset. */
    private static final class RealSettings {

        private final Platform platform;
        private final ConnectorConfiguration given;
        private final List<String> problems;
        private final Optional<OAuthPreset> preset;
        private final String redirectUri;
        private final Supplier<HttpClient> http;
        private final ObjectMapper json;
        private Optional<ProviderMetadata> metadata = Optional.empty();

        RealSettings(
                Platform platform,
                ConnectorConfiguration given,
                List<String> problems,
                String redirectUri,
                Supplier<HttpClient> http,
                ObjectMapper json) {
            this.platform = platform;
            this.given = given;
            this.problems = problems;
            this.preset = platform.oauth();
            this.redirectUri = redirectUri;
            this.http = http;
            this.json = json;
        }

        Optional<ConnectorSettings> resolve() {
            int before = problems.size();
            Optional<String> discoveryUrl = setting("discovery-url");
            if (discoveryUrl.isPresent()) {
                try {
                    metadata = Optional.of(ProviderDiscovery.read(
                            platform.key(), discoveryUrl.get(), setting("issuer"), http.get(), json));
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
            // Unreadable metadata is the one problem then: the endpoints it would have given are not listed again.
            boolean metadataMissing = discoveryUrl.isPresent() && metadata.isEmpty();
            if (authorizationUrl.isEmpty() && !metadataMissing) {
                problems.add(name("authorization-url") + " is required" + where);
            }
            if (tokenUrl.isEmpty() && !metadataMissing) {
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
                    redirectUri,
                    issuer,
                    issParameterSupported,
                    false,
                    preset.map(OAuthPreset::authorizeParameters).orElse(Map.of()),
                    setting("account-parameter").or(() -> preset.flatMap(OAuthPreset::accountParameter)),
                    afterConnect(),
                    preset.flatMap(OAuthPreset::shopHost),
                    apiUrl,
                    preset.filter(p -> "json".equals(p.revocationBody()))
                            .map(p -> ConnectorSettings.RevocationBody.JSON)
                            .orElse(ConnectorSettings.RevocationBody.FORM),
                    preset.map(OAuthPreset::tokenParameters).orElse(Map.of()),
                    preset.map(OAuthPreset::tokenTypeOptional).orElse(false),
                    preset.map(OAuthPreset::callbackHmac).orElse(false)));
        }

        private Optional<String> afterConnect() {
            Optional<String> step = setting("after-connect").or(() -> preset.flatMap(OAuthPreset::afterConnect));
            step.filter(s -> !PlatformCatalog.AFTER_CONNECT_STEPS.contains(s))
                    .ifPresent(s -> problems.add(name("after-connect") + ": '" + s + "' is not one of "
                            + PlatformCatalog.AFTER_CONNECT_STEPS));
            return step;
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
}
