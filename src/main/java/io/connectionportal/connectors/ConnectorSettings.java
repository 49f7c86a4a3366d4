package io.connectionportal.connectors;

import java.util.Optional;

/**
 * How to reach one platform's OAuth 2.0 provider: endpoints, client credentials, scopes, client authentication,
 * and what its authorization responses carry.
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
        boolean sandbox) {

    public enum ClientAuthentication {
        /** HTTP Basic with the URL-encoded client id and secret (RFC 6749 §2.3.1). */
        CLIENT_SECRET_BASIC,
        /** client_id and client_secret as form fields. */
        CLIENT_SECRET_POST
    }

    @Override
    public String toString() {
        return "ConnectorSettings[" + authorizationUrl + ", client=" + clientId + ", secret=***, sandbox=" + sandbox
                + "]";
    }
}
