package io.connectionportal.connectors;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectionportal.connectors.ConnectorException.Reason;
import io.connectionportal.connectors.ConnectorSettings.ClientAuthentication;
import io.connectionportal.shared.RetryAfter;

/**
 * The generic OAuth 2.0 authorization-code connector: PKCE S256, the exact configured redirect URI,
 * client_secret_basic or client_secret_post, refresh-token rotation and RFC 7009 revocation.
 */
class OAuth2Connector implements Connector {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConnectorSettings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;

    OAuth2Connector(ConnectorSettings settings, HttpClient http, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge) {
        return authorizationUrl(state, codeChallenge, Map.of());
    }

    @Override
    public URI authorizationUrl(String state, String codeChallenge, AccountHint hint) {
        if (!settings.sandbox()) {
            return authorizationUrl(state, codeChallenge);
        }
        // The sandbox keeps an account per login_hint and opens it in the country of ui_locales, as a provider's
        // sign-up takes it from the locale: the same business then reads the same records on every authorization,
        // and the sandbox never reads the portal's tables.
        return authorizationUrl(
                state, codeChallenge, Map.of("login_hint", hint.loginHint(), "ui_locales", hint.uiLocales()));
    }

    private URI authorizationUrl(String state, String codeChallenge, Map<String, String> hints) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri());
        query.put("scope", settings.scopes());
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        settings.authorizeParameters().forEach(query::putIfAbsent);
        hints.forEach(query::putIfAbsent);
        String separator = settings.authorizationUrl().contains("?") ? "&" : "?";
        // In a URL query a space is %20: some providers read '+' literally (it only means space in form bodies).
        return URI.create(settings.authorizationUrl() + separator + form(query).replace("+", "%20"));
    }

    @Override
    public TokenSet exchangeCode(String code, String codeVerifier) throws ConnectorException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", settings.redirectUri());
        body.put("code_verifier", codeVerifier);
        settings.tokenParameters().forEach(body::putIfAbsent);
        return tokens(post(settings.tokenUrl(), body), Optional.empty());
    }

    @Override
    public TokenSet refresh(String refreshToken) throws ConnectorException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        // A provider that does not rotate sends no new refresh token; the current one stays valid.
        return tokens(post(settings.tokenUrl(), body), Optional.of(refreshToken));
    }

    @Override
    public void revoke(String token, TokenKind kind) throws ConnectorException {
        if (settings.revocationUrl().isEmpty()) {
            throw new ConnectorException(Reason.UNSUPPORTED, "This provider has no revocation endpoint");
        }
        HttpResponse<String> response;
        if (settings.revocationBody() == ConnectorSettings.RevocationBody.JSON) {
            response = send(
                    settings.revocationUrl().get(),
                    "application/json",
                    json.createObjectNode().put("token", token).toString());
        } else {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("token", token);
            body.put("token_type_hint", kind.hint());
            response = post(settings.revocationUrl().get(), body);
        }
        // RFC 7009 answers 200; any 2xx is the provider saying yes.
        if (response.statusCode() / 100 != 2) {
            throw failure(response);
        }
    }

    @Override
    public boolean callbackSignatureValid(Map<String, String> parameters) {
        return !settings.callbackHmac() || CallbackHmac.valid(parameters, settings.clientSecret());
    }

    @Override
    public Optional<String> issuer() {
        return settings.issuer();
    }

    @Override
    public boolean issParameterSupported() {
        return settings.issParameterSupported();
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) throws ConnectorException {
        Map<String, String> body = new LinkedHashMap<>(fields);
        if (settings.clientAuthentication() == ClientAuthentication.CLIENT_SECRET_POST) {
            body.put("client_id", settings.clientId());
            body.put("client_secret", settings.clientSecret());
        }
        return send(url, "application/x-www-form-urlencoded", form(body));
    }

    /** A POST to the provider; client_secret_basic goes in the header (a JSON body only ever goes with it). */
    private HttpResponse<String> send(String url, String contentType, String body) throws ConnectorException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("Accept", "application/json");
        if (settings.clientAuthentication() == ClientAuthentication.CLIENT_SECRET_BASIC) {
            String credentials = encode(settings.clientId()) + ":" + encode(settings.clientSecret());
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ConnectorException(Reason.UNREACHABLE, "The provider did not answer in time", e);
        } catch (IOException e) {
            throw new ConnectorException(
                    Reason.UNREACHABLE,
                    "The provider could not be reached: " + e.getClass().getSimpleName(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Reason.UNREACHABLE, "Interrupted while calling the provider", e);
        }
    }

    private TokenSet tokens(HttpResponse<String> response, Optional<String> currentRefreshToken)
            throws ConnectorException {
        if (response.statusCode() != 200) {
            throw failure(response);
        }
        JsonNode body = parse(response);
        String accessToken = body.path("access_token").asText("");
        String tokenType = body.path("token_type").asText("");
        boolean bearer = "bearer".equalsIgnoreCase(tokenType) || (tokenType.isEmpty() && settings.tokenTypeOptional());
        if (accessToken.isEmpty() || !bearer) {
            throw new ConnectorException(Reason.INVALID_RESPONSE, "The token response has no bearer access token");
        }
        Optional<String> refreshToken =
                Optional.ofNullable(body.path("refresh_token").asText(null)).or(() -> currentRefreshToken);
        Optional<Instant> expiresAt = body.hasNonNull("expires_in")
                ? Optional.of(clock.instant().plusSeconds(body.get("expires_in").asLong()))
                : Optional.empty();
        return new TokenSet(
                accessToken,
                refreshToken,
                expiresAt,
                body.path("scope").asText(settings.scopes()),
                Optional.ofNullable(body.path("id_token").asText(null)));
    }

    private ConnectorException failure(HttpResponse<String> response) {
        String error = "";
        String description = "";
        try {
            JsonNode body = json.readTree(response.body());
            error = body.path("error").asText("");
            description = body.path("error_description").asText("");
        } catch (IOException notJson) {
            // Some providers answer errors in HTML; the status code is all we have.
        }
        int status = response.statusCode();
        if ("invalid_grant".equals(error) || ((status == 400 || status == 401) && saysRevoked(error, description))) {
            return new ConnectorException(
                    Reason.INVALID_GRANT,
                    "The provider answered " + (error.isEmpty() ? "HTTP " + status : error),
                    status,
                    Optional.empty());
        }
        return new ConnectorException(
                Reason.PROVIDER_ERROR,
                "The provider answered HTTP " + status + (error.isEmpty() ? "" : " (" + safe(error) + ")"),
                status,
                RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant()));
    }

    /** Some providers say a revoked grant in words rather than with invalid_grant. */
    private static boolean saysRevoked(String error, String description) {
        String words = (error + " " + description).toLowerCase(Locale.ROOT);
        return words.contains("revoked");
    }

    /** An OAuth error code is a short ASCII word; anything else is not repeated. */
    private static String safe(String error) {
        return error.matches("[A-Za-z0-9_.-]{1,60}") ? error : "error";
    }

    private JsonNode parse(HttpResponse<String> response) throws ConnectorException {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(Reason.INVALID_RESPONSE, "The provider's answer is not JSON");
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
