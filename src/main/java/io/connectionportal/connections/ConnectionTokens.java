package io.connectionportal.connections;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.connectors.TokenSet;

/**
 * The one way in and out of a connection's tokens: decrypted only to be sent to the provider,
 * encrypted again (bound to the row) the moment new ones arrive. Other features (sync, deauthorize)
 * use this instead of touching the encrypted columns.
 */
@ApplicationScoped
public class ConnectionTokens {

    private final TokenCipher cipher;

    ConnectionTokens(TokenCipher cipher) {
        this.cipher = cipher;
    }

    public Optional<String> accessToken(Connection connection) {
        return decrypt(connection.accessTokenEncrypted, connection.id, "access");
    }

    public Optional<String> refreshToken(Connection connection) {
        return decrypt(connection.refreshTokenEncrypted, connection.id, "refresh");
    }

    /** Stores tokens a provider just issued; a provider that did not rotate keeps the refresh token it had. */
    public void store(Connection connection, TokenSet tokens) {
        connection.accessTokenEncrypted = cipher.encrypt(tokens.accessToken(), binding(connection.id, "access"));
        tokens.refreshToken()
                .ifPresent(token ->
                        connection.refreshTokenEncrypted = cipher.encrypt(token, binding(connection.id, "refresh")));
        connection.accessTokenExpiresAt = tokens.expiresAt().orElse(null);
        connection.scopes = tokens.scope();
    }

    /** Loads the connection and stores the tokens in one transaction. */
    @Transactional
    public void store(long connectionId, TokenSet tokens) {
        store((Connection) Connection.findById(connectionId), tokens);
    }

    /** Forgets the tokens: once revoked, or once the business withdrew access, they must never be used again. */
    public void forget(Connection connection) {
        connection.accessTokenEncrypted = null;
        connection.refreshTokenEncrypted = null;
        connection.accessTokenExpiresAt = null;
    }

    private Optional<String> decrypt(String stored, long connectionId, String kind) {
        return Optional.ofNullable(stored).map(value -> cipher.decrypt(value, binding(connectionId, kind)));
    }

    private static String binding(long connectionId, String kind) {
        return "connection:" + connectionId + ":" + kind;
    }
}
