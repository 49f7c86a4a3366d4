package io.connectionportal.connectors;

import java.util.Map;
import java.util.Optional;

/**
 * How to reach one platform's OAuth 2.0 provider: endpoints, client credentials, scopes, client authentication,
 * what its authorization responses carry, and where its data API lives. Built once at start-up from the catalog's
 * preset, the provider's metadata and the operator's settings (see {@link Connectors}).
 */
public record ConnectorSettings(
        String authorizationUrl,
        String tokenUrl,
        Optional<String> revocationUrl,
        String clientId,
        String clientSecret,
        String scopes,
        ClientAuthentication clientAuthentication,
        String redirectUri,
        Optional<String> issuer,
        /** The provider names itself ({@code iss}) in every authorization response (RFC 9207). */
        boolean issParameterSupported,
        boolean sandbox,
        Map<String, String> authorizeParameters,
        /** The callback parameter naming the account the grant is for, such as QuickBooks' {@code realmId}. */
        Optional<String> accountParameter,
        /** A step after the token exchange ({@code xero-tenants}), see {@code OAuthPreset#afterConnect}. */
        Optional<String> afterConnect,
        /** Per-shop hosts: the endpoints contain {@code {shop}}, a shop under this domain. */
        Optional<String> shopHost,
        Optional<String> apiUrl,
        RevocationBody revocationBody,
        /** Extra form fields of the code exchange, such as Shopify's {@code expiring=1}. */
        Map<String, String> tokenParameters,
        /** The token response may omit {@code token_type} (Shopify's does). */
        boolean tokenTypeOptional,
        /** The callback is signed with {@code hmac} (Shopify), checked before any token request. */
        boolean callbackHmac) {

    /** How the revocation request carries the token. */
    public enum RevocationBody {
        /** {@code token} and {@code token_type_hint} as form fields (RFC 7009 §2.1). */
        FORM,
        /** {@code {"token": …}} as JSON, as Intuit documents it. */
        JSON
    }

    public enum ClientAuthentication {
        /** HTTP Basic with the URL-encoded client id and secret (RFC 6749 §2.3.1). */
        CLIENT_SECRET_BASIC,
        /** client_id and client_secret as form fields. */
        CLIENT_SECRET_POST;

        /** {@code client_secret_basic} → {@link #CLIENT_SECRET_BASIC}; empty for anything else. */
        static Optional<ClientAuthentication> parse(String value) {
            for (ClientAuthentication method : values()) {
                if (method.name().equalsIgnoreCase(value.replace('-', '_'))) {
                    return Optional.of(method);
                }
            }
            return Optional.empty();
        }
    }

    /** These settings for one shop ({@code {shop}} replaced), for platforms with per-shop hosts. */
    public ConnectorSettings forShop(String shop) {
        return new ConnectorSettings(
                authorizationUrl.replace("{shop}", shop),
                tokenUrl.replace("{shop}", shop),
                revocationUrl.map(url -> url.replace("{shop}", shop)),
                clientId,
                clientSecret,
                scopes,
                clientAuthentication,
                redirectUri,
                issuer,
                issParameterSupported,
                sandbox,
                authorizeParameters,
                accountParameter,
                afterConnect,
                shopHost,
                apiUrl.map(url -> url.replace("{shop}", shop)),
                revocationBody,
                tokenParameters,
                tokenTypeOptional,
                callbackHmac);
    }

    @Override
    public String toString() {
        return "ConnectorSettings[" + authorizationUrl + ", client=" + clientId + ", secret=***, sandbox=" + sandbox
                + "]";
    }
}
