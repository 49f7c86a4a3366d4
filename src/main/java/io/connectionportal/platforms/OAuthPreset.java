package io.connectionportal.platforms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform's public OAuth 2.0 documentation says, carried by the catalog so an operator sets only a client
 * id and secret ({@code portal.connectors.<key>.client-id}). Configuration given explicitly wins over every field.
 *
 * @param documentation the provider's page these facts come from
 * @param scopes requested on every authorization (e.g. {@code offline_access} for a refresh token)
 * @param dataScopes what each kind of data needs; only the kinds the platform reads are asked for
 * @param scopeSeparator a space (RFC 6749 §3.3), or a comma for providers that want one
 * @param pkce whether the provider checks PKCE (it is sent either way: it costs a provider nothing to ignore)
 * @param clientAuthentication {@code client_secret_basic} or {@code client_secret_post}
 * @param authorizeParameters extra query parameters of the authorization request
 * @param accountParameter the callback parameter naming the account the grant is for (QuickBooks' {@code realmId})
 * @param afterConnect a step after the token exchange: {@code xero-tenants} asks Xero which organisations were granted
 * @param shopHost per-shop hosts: endpoints contain {@code {shop}}, the shop's name under this domain
 * @param apiUrl where the platform's data API lives, for its data client
 * @param revocationBody {@code form} (RFC 7009) or {@code json}: Intuit wants {@code {"token": …}} as JSON
 * @param tokenParameters extra form fields of the code exchange (Shopify's {@code expiring=1} asks for a refresh token)
 * @param tokenTypeOptional the token response may omit {@code token_type} (Shopify's does); elsewhere it must be bearer
 * @param callbackHmac the callback carries {@code hmac}, an HMAC-SHA256 of its other parameters keyed with the client
 *     secret, checked before any token request
 */
public record OAuthPreset(
        String documentation,
        Optional<String> authorizationUrl,
        Optional<String> tokenUrl,
        Optional<String> revocationUrl,
        Optional<String> issuer,
        List<String> scopes,
        Map<DataType, List<String>> dataScopes,
        String scopeSeparator,
        boolean pkce,
        String clientAuthentication,
        Map<String, String> authorizeParameters,
        Optional<String> accountParameter,
        Optional<String> afterConnect,
        Optional<String> shopHost,
        Optional<String> apiUrl,
        String revocationBody,
        Map<String, String> tokenParameters,
        boolean tokenTypeOptional,
        boolean callbackHmac) {

    public static final List<String> CLIENT_AUTHENTICATIONS = List.of("client_secret_basic", "client_secret_post");

    public static final List<String> REVOCATION_BODIES = List.of("form", "json");

    /** The scopes to request for a platform reading these kinds of data, without repeats, in a stable order. */
    public String scopesFor(List<DataType> reads) {
        java.util.LinkedHashSet<String> wanted = new java.util.LinkedHashSet<>(scopes);
        reads.forEach(type -> wanted.addAll(dataScopes.getOrDefault(type, List.of())));
        return String.join(scopeSeparator, wanted);
    }
}
