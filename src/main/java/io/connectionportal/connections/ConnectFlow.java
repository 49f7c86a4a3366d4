package io.connectionportal.connections;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.connectionportal.connectors.Connector;
import io.connectionportal.connectors.ConnectorException;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.connectors.Pkce;
import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.connectors.TokenSet;
import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The OAuth 2.0 round trip: {@link #start} makes a pending connection and the provider URL;
 * {@link #complete} checks the callback (state, browser, issuer) before any token request, then
 * trades the code for tokens and stores them encrypted. Provider calls run outside transactions.
 */
@ApplicationScoped
public class ConnectFlow {

    private static final Logger LOG = Logger.getLogger(ConnectFlow.class);
    static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);

    /** Who starts a connection: a signed-in user, or a colleague holding a share link. */
    public record Starter(long companyId, Long userId, String connectedBy, Long shareLinkId) {
    }

    public enum Outcome {
        LINKED, CANCELLED, INVALID_STATE, EXPIRED_STATE, FOREIGN_STATE, ISSUER_MISMATCH, PROVIDER_ERROR, UNREACHABLE
    }

    /** What came back from the provider, as received on the redirect URI. */
    public record Callback(String state, String code, String error, String iss) {
    }

    public record Result(Outcome outcome, Optional<Connection> connection, Optional<Platform> platform) {
        static Result of(Outcome outcome) {
            return new Result(outcome, Optional.empty(), Optional.empty());
        }
    }

    private final Connectors connectors;
    private final PlatformCatalog catalog;
    private final TokenCipher cipher;
    private final ConnectionTokens connectionTokens;
    @Inject
    FunnelEvents funnel;

    ConnectFlow(Connectors connectors, PlatformCatalog catalog, TokenCipher cipher, ConnectionTokens connectionTokens) {
        this.connectors = connectors;
        this.catalog = catalog;
        this.cipher = cipher;
        this.connectionTokens = connectionTokens;
    }

    /** Creates a pending connection and returns the provider's authorization URL for this browser. */
    public URI start(Platform platform, Starter starter, String browserSecret) {
        String state = Pkce.randomToken();
        String verifier = Pkce.randomToken();
        QuarkusTransaction.requiringNew().run(() -> {
            Connection connection = new Connection();
            connection.companyId = starter.companyId();
            connection.platformKey = platform.key();
            connection.category = platform.category();
            connection.status = ConnectionStatus.PENDING_AUTH;
            connection.sandbox = connectors.isSandbox(platform);
            connection.createdAt = Instant.now();
            connection.createdByUserId = starter.userId();
            connection.shareLinkId = starter.shareLinkId();
            connection.connectedBy = starter.connectedBy();
            connection.persist();

            AuthorizationAttempt attempt = new AuthorizationAttempt();
            attempt.connectionId = connection.id;
            attempt.companyId = starter.companyId();
            attempt.stateHash = Pkce.sha256Hex(state);
            attempt.browserHash = Pkce.sha256Hex(browserSecret);
            attempt.codeVerifierEncrypted = cipher.encrypt(verifier, "attempt:" + attempt.stateHash);
            attempt.createdAt = connection.createdAt;
            attempt.expiresAt = connection.createdAt.plus(ATTEMPT_LIFETIME);
            attempt.persist();
        });
        funnel.record(FunnelStep.PLATFORM_SELECTED, platform.category(), platform.key(), starter.companyId());
        return connectors.forPlatform(platform).authorizationUrl(state, Pkce.challenge(verifier));
    }

    /** Settles the callback, then records its outcome as a funnel event when it belonged to a real attempt. */
    public Result complete(Callback callback, String browserSecret) {
        Result result = settle(callback, browserSecret);
        result.platform().ifPresent(p -> funnel.record(funnelStep(result.outcome()), p.category(), p.key(),
                result.connection().map(c -> c.companyId).orElse(null)));
        return result;
    }

    private static FunnelStep funnelStep(Outcome outcome) {
        return switch (outcome) {
            case LINKED -> FunnelStep.AUTHORIZATION_COMPLETED;
            case CANCELLED -> FunnelStep.AUTHORIZATION_CANCELLED;
            default -> FunnelStep.AUTHORIZATION_FAILED;
        };
    }

    private Result settle(Callback callback, String browserSecret) {
        if (callback.state() == null || callback.state().isBlank()) {
            return Result.of(Outcome.INVALID_STATE);
        }
        String stateHash = Pkce.sha256Hex(callback.state());
        // Claim the attempt first, in its own transaction: a replayed state finds it used and stops here.
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(stateHash, browserSecret));
        if (claim.outcome() != null) {
            return Result.of(claim.outcome());
        }
        Connection connection = claim.connection();
        Optional<Platform> platform = catalog.find(connection.platformKey);
        if (platform.isEmpty()) {
            discard(connection.id);
            return Result.of(Outcome.PROVIDER_ERROR);
        }
        Connector connector = connectors.forPlatform(platform.get());
        Result failed = new Result(Outcome.PROVIDER_ERROR, Optional.of(connection), platform);
        if (callback.iss() != null && connector.issuer().isPresent() && !connector.issuer().get().equals(callback.iss())) {
            discard(connection.id);
            return new Result(Outcome.ISSUER_MISMATCH, Optional.of(connection), platform);
        }
        if (callback.error() != null) {
            discard(connection.id);
            return "access_denied".equals(callback.error())
                    ? new Result(Outcome.CANCELLED, Optional.of(connection), platform)
                    : failed;
        }
        if (callback.code() == null || callback.code().isBlank()) {
            discard(connection.id);
            return failed;
        }
        try {
            TokenSet tokens = connector.exchangeCode(callback.code(), claim.verifier());
            Connection linked = QuarkusTransaction.requiringNew().call(() -> link(connection.id, tokens));
            return new Result(Outcome.LINKED, Optional.of(linked), platform);
        } catch (ConnectorException e) {
            LOG.warnf("Token exchange for connection %d (%s) failed: %s", connection.id, connection.platformKey, e.getMessage());
            discard(connection.id);
            return new Result(e.reason() == ConnectorException.Reason.UNREACHABLE ? Outcome.UNREACHABLE : Outcome.PROVIDER_ERROR,
                    Optional.of(connection), platform);
        }
    }

    private record Claim(Outcome outcome, Connection connection, String verifier) {
    }

    private Claim claim(String stateHash, String browserSecret) {
        AuthorizationAttempt attempt = AuthorizationAttempt.find("stateHash", stateHash).firstResult();
        if (attempt == null) {
            return new Claim(Outcome.INVALID_STATE, null, null);
        }
        if (attempt.usedAt != null) {
            return new Claim(Outcome.INVALID_STATE, null, null);
        }
        if (browserSecret == null || !Pkce.sha256Hex(browserSecret).equals(attempt.browserHash)) {
            return new Claim(Outcome.FOREIGN_STATE, null, null);
        }
        attempt.usedAt = Instant.now();
        if (attempt.expiresAt.isBefore(attempt.usedAt)) {
            return new Claim(Outcome.EXPIRED_STATE, null, null);
        }
        Connection connection = Connection.findById(attempt.connectionId);
        String verifier = cipher.decrypt(attempt.codeVerifierEncrypted, "attempt:" + attempt.stateHash);
        return new Claim(null, connection, verifier);
    }

    private Connection link(long connectionId, TokenSet tokens) {
        Connection connection = Connection.findById(connectionId);
        // A new authorization replaces whatever tokens an earlier one left behind.
        connectionTokens.forget(connection);
        connectionTokens.store(connection, tokens);
        connection.status = ConnectionStatus.LINKED;
        connection.linkedAt = Instant.now();
        return connection;
    }

    /** A connection that never got linked is removed, so a cancelled or failed attempt leaves nothing behind. */
    private void discard(long connectionId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Connection connection = Connection.findById(connectionId);
            if (connection != null && connection.linkedAt == null) {
                AuthorizationAttempt.delete("connectionId", connectionId);
                connection.delete();
            }
        });
    }
}
