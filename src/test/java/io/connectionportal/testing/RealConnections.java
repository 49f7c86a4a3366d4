package io.connectionportal.testing;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.connectors.TokenSet;
import io.connectionportal.platforms.PlatformCatalog;

/**
 * Linked connections to a real provider ({@link TokenProvider}) holding tokens the test chose, as the callback would
 * have stored them, so a test can stub the provider's answer to exactly those tokens.
 */
public final class RealConnections {

    private RealConnections() {}

    /** A LINKED connection of the signed-up {@code email}'s company; {@code refresh} may be null (none given). */
    public static long linked(String email, String platformKey, String access, String refresh, Instant expiresAt) {
        return create(
                email,
                platformKey,
                new TokenSet(access, Optional.ofNullable(refresh), Optional.of(expiresAt), "offline_access"),
                false);
    }

    /**
     * A LINKED connection made in the sandbox, holding tokens the sandbox issued: as one connected before the operator
     * gave its platform real settings.
     */
    public static long linkedInSandbox(String email, String platformKey, TokenSet tokens) {
        return create(email, platformKey, tokens, true);
    }

    private static long create(String email, String platformKey, TokenSet tokenSet, boolean sandbox) {
        long companyId = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
        ConnectionTokens tokens =
                Arc.container().instance(ConnectionTokens.class).get();
        PlatformCatalog catalog =
                Arc.container().instance(PlatformCatalog.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = new Connection();
            connection.companyId = companyId;
            connection.platformKey = platformKey;
            connection.category = catalog.find(platformKey).orElseThrow().category();
            connection.status = ConnectionStatus.LINKED;
            connection.sandbox = sandbox;
            connection.createdAt = Instant.now();
            connection.linkedAt = connection.createdAt;
            connection.connectedBy = email;
            connection.persistAndFlush();
            tokens.store(connection, tokenSet);
            return connection.id;
        });
    }

    public static String accessToken(long connectionId) {
        ConnectionTokens tokens =
                Arc.container().instance(ConnectionTokens.class).get();
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        tokens.accessToken(Connection.findById(connectionId)).orElse(null));
    }

    public static String refreshToken(long connectionId) {
        ConnectionTokens tokens =
                Arc.container().instance(ConnectionTokens.class).get();
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        tokens.refreshToken(Connection.findById(connectionId)).orElse(null));
    }

    public static String status(long connectionId) {
        return (String) Rows.single("select status from connection where id = ?1", connectionId);
    }

    /** Makes the access token expire {@code at}. */
    public static void expiresAt(long connectionId, Instant at) {
        Rows.execute("update connection set access_token_expires_at = ?1 where id = ?2", at, connectionId);
    }
}
