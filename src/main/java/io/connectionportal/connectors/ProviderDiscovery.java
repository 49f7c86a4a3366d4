package io.connectionportal.connectors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectionportal.shared.LogText;

/**
 * Reads the metadata document at {@code portal.connectors.<key>.discovery-url}, once, at start-up. The document's
 * {@code issuer} must be the configured {@code issuer}, or, when none is configured, the one its well-known address
 * names ({@code <issuer>/.well-known/openid-configuration}, or RFC 8414's
 * {@code https://host/.well-known/oauth-authorization-server/<path>}). Any problem stops start-up, naming the setting.
 */
final class ProviderDiscovery {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String OPENID = "/.well-known/openid-configuration";
    private static final String OAUTH = "/.well-known/oauth-authorization-server";

    private ProviderDiscovery() {}

    /** The provider's metadata; an {@link IllegalStateException} naming the platform and the setting otherwise. */
    static ProviderMetadata read(
            String platformKey,
            String discoveryUrl,
            Optional<String> configuredIssuer,
            HttpClient http,
            ObjectMapper json) {
        String setting = ConnectorConfiguration.settingName(platformKey, "discovery-url");
        JsonNode document = fetch(platformKey, setting, discoveryUrl, http, json);
        String issuer = text(document, "issuer")
                .orElseThrow(
                        () -> problem(platformKey, setting, "the document at " + discoveryUrl + " names no issuer"));
        Optional<String> expected = configuredIssuer.or(() -> issuerNamedBy(discoveryUrl));
        if (expected.isPresent() && !expected.get().equals(issuer)) {
            String source = configuredIssuer.isPresent()
                    ? ConnectorConfiguration.settingName(platformKey, "issuer")
                    : "the address in " + setting;
            throw problem(
                    platformKey,
                    setting,
                    "the document names the issuer " + LogText.clean(issuer) + " but " + source + " expects "
                            + expected.get());
        }
        return new ProviderMetadata(
                issuer,
                text(document, "authorization_endpoint"),
                text(document, "token_endpoint"),
                text(document, "revocation_endpoint"),
                document.path("authorization_response_iss_parameter_supported").asBoolean(false));
    }

    private static JsonNode fetch(
            String platformKey, String setting, String discoveryUrl, HttpClient http, ObjectMapper json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(discoveryUrl))
                    .timeout(TIMEOUT)
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw problem(platformKey, setting, discoveryUrl + " answered HTTP " + response.statusCode());
            }
            JsonNode document = json.readTree(response.body());
            if (document == null || !document.isObject()) {
                throw problem(platformKey, setting, discoveryUrl + " is not a JSON metadata document");
            }
            return document;
        } catch (IOException | IllegalArgumentException e) {
            throw problem(platformKey, setting, discoveryUrl + " could not be read (" + LogText.clean(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw problem(platformKey, setting, discoveryUrl + " could not be read (interrupted)");
        }
    }

    /** The issuer a well-known address stands for, when it follows one of the two standard forms. */
    static Optional<String> issuerNamedBy(String discoveryUrl) {
        if (discoveryUrl.endsWith(OPENID)) {
            return Optional.of(discoveryUrl.substring(0, discoveryUrl.length() - OPENID.length()));
        }
        URI uri = URI.create(discoveryUrl);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if ((path.equals(OAUTH) || path.startsWith(OAUTH + "/")) && uri.getRawQuery() == null) {
            return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(OAUTH.length()));
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode document, String field) {
        JsonNode value = document.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    private static IllegalStateException problem(String platformKey, String setting, String what) {
        return new IllegalStateException(
                "Platform " + platformKey + ": the provider metadata from " + setting + " is unusable: " + what);
    }
}
