package io.connectionportal.shared;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session cookie value, on its way from the HTTP layer to {@link SessionIdentityProvider}. */
class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    SessionTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
