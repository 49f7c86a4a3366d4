package io.connectionportal.connectors;

import java.net.URI;
import java.util.Optional;

/**
 * The connector SPI (I6): every platform, sandbox or real, is reached through this interface.
 * Implementations talk to one provider; they hold no state about companies or connections.
 */
public interface Connector {

    /** Where to send the business to sign in and approve access; {@code state} and the PKCE challenge travel with it. */
    URI authorizationUrl(String state, String codeChallenge);

    /**
     * The same for a business the portal knows. Only the built-in sandbox is given the hint: a real provider reads
     * {@code login_hint} as the person's own sign-in name, which the portal does not know.
     */
    default URI authorizationUrl(String state, String codeChallenge, AccountHint hint) {
        return authorizationUrl(state, codeChallenge);
    }

    /** Trades an authorization code for tokens (the verifier proves this is the client that started). */
    TokenSet exchangeCode(String code, String codeVerifier) throws ConnectorException;

    /** Uses a refresh token; providers that rotate return a new one, which replaces the old. */
    TokenSet refresh(String refreshToken) throws ConnectorException;

    /** Revokes a token (RFC 7009); revoking the refresh token ends the whole grant at providers that support it. */
    void revoke(String token, TokenKind kind) throws ConnectorException;

    /** The issuer identifier the provider names in its authorization responses (RFC 9207), when known. */
    Optional<String> issuer();

    /** Whether every authorization response carries {@code iss} (RFC 9207), so one without it is refused. */
    boolean issParameterSupported();

    /**
     * Whether the callback's own signature holds, for providers that sign it (Shopify's {@code hmac}); true for the
     * others. {@code parameters} are every query parameter of the callback.
     */
    boolean callbackSignatureValid(java.util.Map<String, String> parameters);

    enum TokenKind {
        ACCESS_TOKEN("access_token"),
        REFRESH_TOKEN("refresh_token");

        private final String hint;

        TokenKind(String hint) {
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }
}
