package io.connectionportal.connections;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connectors.EncryptedColumn;
import io.connectionportal.connectors.EncryptedColumns;
import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.connectors.TokenCipher.UndecryptableTokenException;
import io.connectionportal.connectors.TokenSet;

/**
 * The one way in and out of a connection's tokens: decrypted only to be sent to the provider,
 * encrypted again (bound to the row) the moment new ones arrive. Other features (sync, deauthorize)
 * use this instead of touching the encrypted columns. A token no configured key decrypts (its key was lost)
 * throws {@link UndecryptableTokenException}: the connection needs reconnecting, never counts as connected.
 */
@ApplicationScoped
public class ConnectionTokens implements EncryptedColumns {

    static final EncryptedColumn ACCESS = new EncryptedColumn(
            "connection", "access_token_enc", "'connection:' || cast(id as varchar(20)) || ':access'");
    static final EncryptedColumn REFRESH = new EncryptedColumn(
            "connection", "refresh_token_enc", "'connection:' || cast(id as varchar(20)) || ':refresh'");
    static final EncryptedColumn ID =
            new EncryptedColumn("connection", "id_token_enc", "'connection:' || cast(id as varchar(20)) || ':id'");

    private final TokenCipher cipher;
    private final Reauthorization reauthorization;

    ConnectionTokens(TokenCipher cipher, Reauthorization reauthorization) {
        this.cipher = cipher;
        this.reauthorization = reauthorization;
    }

    /** Whether the provider gave a refresh token, so the access can be renewed without the business. */
    public boolean renewable(Connection connection) {
        return connection.refreshTokenEncrypted != null;
    }

    /** The access token; {@link UndecryptableTokenException} when no configured key decrypts it. */
    public Optional<String> accessToken(Connection connection) {
        return decrypt(connection.accessTokenEncrypted, connection.id, "access");
    }

    /** The refresh token; {@link UndecryptableTokenException} when no configured key decrypts it. */
    public Optional<String> refreshToken(Connection connection) {
        return decrypt(connection.refreshTokenEncrypted, connection.id, "refresh");
    }

    /** Stores tokens a provider just issued; a provider that did not rotate keeps the refresh token it had. */
    public void store(Connection connection, TokenSet tokens) {
        connection.accessTokenEncrypted = cipher.encrypt(tokens.accessToken(), binding(connection.id, "access"));
        tokens.refreshToken()
                .ifPresent(token ->
                        connection.refreshTokenEncrypted = cipher.encrypt(token, binding(connection.id, "refresh")));
        tokens.idToken()
                .ifPresent(token -> connection.idTokenEncrypted = cipher.encrypt(token, binding(connection.id, "id")));
        connection.accessTokenExpiresAt = tokens.expiresAt().orElse(null);
        connection.scopes = tokens.scope();
        connection.tokenRefreshAfter = null;
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
        connection.idTokenEncrypted = null;
        connection.accessTokenExpiresAt = null;
    }

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(ACCESS, REFRESH, ID);
    }

    /**
     * The token rotation met a token that will never decrypt again: a linked connection stops counting as
     * connected and asks for reconnecting. A key merely unknown here (another instance may hold it) changes nothing.
     */
    @Override
    public void undecryptable(EncryptedColumn column, long id, UndecryptableTokenException why) {
        if (!why.needsReconnection()) {
            return;
        }
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(id, LockModeType.PESSIMISTIC_WRITE);
            return connection != null
                    && reauthorization.require(
                            connection, "The stored tokens cannot be decrypted: " + why.getMessage());
        });
        if (changed) {
            Log.warnf("Connection %d needs reconnecting: %s", id, why.getMessage());
        }
    }

    private Optional<String> decrypt(String stored, long connectionId, String kind) {
        return Optional.ofNullable(stored).map(value -> cipher.decrypt(value, binding(connectionId, kind)));
    }

    private static String binding(long connectionId, String kind) {
        return "connection:" + connectionId + ":" + kind;
    }
}
