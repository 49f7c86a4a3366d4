package io.connectionportal.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.connections.Reauthorization;
import io.connectionportal.connectors.Connector;
import io.connectionportal.connectors.ConnectorException;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.connectors.TokenCipher.UndecryptableTokenException;
import io.connectionportal.connectors.TokenSet;
import io.connectionportal.monitor.PortalMetrics;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.LogText;
import io.connectionportal.shared.PortalConfig;

/**
 * The one refresh path of a connection's access token, used by the scheduled {@link TokenRefresher} and by the data
 * sync alike. A run first claims the connection with a conditional update of {@code token_refresh_after}, so two
 * runs (two instances, or the job and a sync) never send the same refresh token: at providers that rotate, a refresh
 * token used twice can end the grant. The provider is called outside any transaction; a rotated refresh token is
 * stored the moment it arrives. A refused grant makes the connection need reconnecting ({@link Reauthorization});
 * a temporary failure changes nothing and is tried again at the next run, not before the provider's Retry-After.
 */
@ApplicationScoped
public class TokenRefresh {

    /** How long a claim holds: well beyond one provider call (5 s to connect, 10 s to answer). */
    static final Duration LEASE = Duration.ofMinutes(1);
    /** The longest Retry-After honoured: a provider asking for more is tried again after a day anyway. */
    static final Duration LONGEST_WAIT = Duration.ofDays(1);
    /**
     * After a refusal that is neither temporary nor a dead grant (the client's settings, a redirect): asking every
     * minute would only fill the log until the operator fixes it.
     */
    static final Duration AFTER_REFUSAL = Duration.ofMinutes(15);
    /** How long a sync waits for another run's refresh of the same connection to end. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(20);

    static final int BATCH = 50;

    /** How a refresh ended. */
    public enum Kind {
        /** The provider issued new tokens; they are stored. */
        REFRESHED,
        /** The access token is good for a while yet (or another run just refreshed it). */
        STILL_VALID,
        /** The provider no longer accepts the grant: the connection now needs reconnecting. */
        REAUTHORIZATION_REQUIRED,
        /** The provider was unreachable, overloaded or rate-limiting: tried again at the next run. */
        TEMPORARY_FAILURE,
        /** The provider refused for another reason (the client's settings, most likely); tried again 15 minutes later. */
        FAILED,
        /** The connection is no longer linked (deauthorized, deleted, or needing reconnection). */
        NOT_LINKED,
        /** Another run holds the claim, or the provider's Retry-After has not passed. */
        BUSY
    }

    /** How it ended, with the access token to use when there is one. {@link #toString()} never shows the token. */
    public record Result(Kind kind, String accessToken, String message) {

        public boolean usable() {
            return kind == Kind.REFRESHED || kind == Kind.STILL_VALID;
        }

        static Result of(Kind kind, String message) {
            return new Result(kind, null, message);
        }

        @Override
        public String toString() {
            return "Result[" + kind + ", access=" + (accessToken == null ? "none" : "***") + ", " + message + "]";
        }
    }

    /** What the claim found: the tokens to use (read after claiming, so never a refresh token another run spent). */
    private record Claim(
            Result done,
            String platformKey,
            boolean sandbox,
            String access,
            String refresh,
            boolean expired,
            /** The shop of a per-shop platform (Shopify), whose token endpoint is on the shop's host. */
            String account) {}

    private final ConnectionTokens tokens;
    private final Reauthorization reauthorization;
    private final Connectors connectors;
    private final PlatformCatalog catalog;
    private final Duration refreshBefore;
    private final PortalMetrics metrics;

    TokenRefresh(
            PortalMetrics metrics,
            ConnectionTokens tokens,
            Reauthorization reauthorization,
            Connectors connectors,
            PlatformCatalog catalog,
            PortalConfig config) {
        this.tokens = tokens;
        this.reauthorization = reauthorization;
        this.connectors = connectors;
        this.catalog = catalog;
        this.refreshBefore = config.tokens().refreshBefore();
        this.metrics = metrics;
    }

    /**
     * For a sync: an access token to use now, refreshed first when it expires within {@code portal.tokens.refresh-before}
     * or equals {@code rejected} (the data API just refused it). Waits while another run refreshes the same connection.
     */
    public Result fresh(long connectionId, Optional<String> rejected) {
        Instant giveUp = Instant.now().plus(BUSY_WAIT);
        while (true) {
            Result result = refresh(connectionId, rejected, Instant.now());
            if (result.kind() != Kind.BUSY || Instant.now().isAfter(giveUp)) {
                return result;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    /** One attempt: claims the connection, refreshes when needed, records how it ended. The caller holds no transaction. */
    public Result refresh(long connectionId, Optional<String> rejected, Instant now) {
        Claim claim;
        try {
            claim = QuarkusTransaction.requiringNew().call(() -> claim(connectionId, rejected, now));
        } catch (UndecryptableTokenException e) {
            String message = "The stored tokens cannot be decrypted: " + e.getMessage();
            return e.needsReconnection() ? reauthorize(connectionId, message) : Result.of(Kind.FAILED, message);
        }
        if (claim.done() != null) {
            return claim.done();
        }
        if (claim.refresh() == null) {
            if (claim.expired()) {
                return reauthorize(connectionId, "The access token expired and there is no refresh token");
            }
            release(connectionId, Optional.empty(), now);
            return new Result(Kind.STILL_VALID, claim.access(), "The provider gave no refresh token");
        }
        Optional<Platform> platform = catalog.find(claim.platformKey());
        if (platform.isEmpty()) {
            release(connectionId, Optional.empty(), now);
            return Result.of(Kind.FAILED, "The platform " + claim.platformKey() + " is no longer in the catalog");
        }
        Connector connector =
                connectors.forConnection(platform.get(), claim.sandbox(), Optional.ofNullable(claim.account()));
        TokenSet fresh;
        try {
            fresh = connector.refresh(claim.refresh());
        } catch (ConnectorException e) {
            return failed(connectionId, claim.platformKey(), e, now);
        } catch (RuntimeException e) {
            release(connectionId, Optional.empty(), now);
            Log.errorf(e, "Refreshing the token of connection %d failed unexpectedly", connectionId);
            return Result.of(Kind.FAILED, "Unexpected error (" + e.getClass().getSimpleName() + ")");
        }
        Result stored = store(connectionId, claim.platformKey(), fresh);
        if (stored.kind() == Kind.NOT_LINKED) {
            // Deauthorized while the provider answered: its revocation ended the old tokens, these must end too.
            revokeQuietly(connectionId, connector, fresh);
        }
        return stored;
    }

    private static void revokeQuietly(long connectionId, Connector connector, TokenSet fresh) {
        try {
            if (fresh.refreshToken().isPresent()) {
                connector.revoke(fresh.refreshToken().get(), Connector.TokenKind.REFRESH_TOKEN);
            }
            connector.revoke(fresh.accessToken(), Connector.TokenKind.ACCESS_TOKEN);
        } catch (ConnectorException | RuntimeException e) {
            Log.warnf(
                    "Tokens refreshed for connection %d after it was deauthorized could not be revoked: %s",
                    connectionId, LogText.clean(e.getMessage()));
        }
    }

    /** For the job: refreshes every linked connection whose access token expires within the margin. */
    int refreshDue(Instant now) {
        int handled = 0;
        long cursor = 0;
        while (true) {
            long after = cursor;
            List<Long> due = QuarkusTransaction.requiringNew()
                    .call(() -> Connection.<Connection>find(
                                    "status = ?1 and id > ?2 and accessTokenExpiresAt <= ?3"
                                            + " and (refreshTokenEncrypted is not null or accessTokenExpiresAt <= ?4)"
                                            + " and (tokenRefreshAfter is null or tokenRefreshAfter <= ?4) order by id",
                                    ConnectionStatus.LINKED,
                                    after,
                                    now.plus(refreshBefore),
                                    now)
                            .page(0, BATCH)
                            .list()
                            .stream()
                            .map(c -> c.id)
                            .toList());
            for (long id : due) {
                try {
                    Kind kind = refresh(id, Optional.empty(), now).kind();
                    if (kind != Kind.BUSY && kind != Kind.STILL_VALID) {
                        handled++;
                    }
                } catch (RuntimeException e) {
                    Log.errorf(e, "Refreshing the token of connection %d failed unexpectedly", id);
                }
            }
            if (due.size() < BATCH) {
                return handled;
            }
            cursor = due.get(due.size() - 1);
        }
    }

    private Claim claim(long connectionId, Optional<String> rejected, Instant now) {
        int claimed = Connection.update(
                "tokenRefreshAfter = ?1 where id = ?2 and status = ?3 and (tokenRefreshAfter is null or tokenRefreshAfter <= ?4)",
                now.plus(LEASE),
                connectionId,
                ConnectionStatus.LINKED,
                now);
        // Read after the claim, never before: a token read earlier may have been spent by the run that held it.
        Connection connection = Connection.findById(connectionId);
        if (connection == null || connection.status != ConnectionStatus.LINKED) {
            return done(Result.of(Kind.NOT_LINKED, "The connection is no longer linked"));
        }
        String access = tokens.accessToken(connection).orElse(null);
        boolean expired = connection.accessTokenExpiresAt != null && !connection.accessTokenExpiresAt.isAfter(now);
        boolean needed = access == null
                || rejected.filter(access::equals).isPresent()
                || (connection.accessTokenExpiresAt != null
                        && !connection.accessTokenExpiresAt.isAfter(now.plus(refreshBefore)));
        if (!needed) {
            if (claimed == 1) {
                connection.tokenRefreshAfter = null;
            }
            return done(new Result(Kind.STILL_VALID, access, null));
        }
        if (claimed == 0) {
            // A wait longer than any run's claim is the provider's Retry-After: waiting here for it would hold a sync.
            boolean providerAskedToWait =
                    connection.tokenRefreshAfter != null && connection.tokenRefreshAfter.isAfter(now.plus(LEASE));
            return done(
                    providerAskedToWait
                            ? Result.of(Kind.TEMPORARY_FAILURE, "The provider asked to wait before the next refresh")
                            : Result.of(Kind.BUSY, "Another run is refreshing the token"));
        }
        return new Claim(
                null,
                connection.platformKey,
                connection.sandbox,
                access,
                tokens.refreshToken(connection).orElse(null),
                expired || access == null || rejected.isPresent(),
                connection.providerAccountId);
    }

    private static Claim done(Result result) {
        return new Claim(result, null, false, null, null, false, null);
    }

    /** Stores the new tokens at once, with the row locked, so a deauthorize that already forgot the old ones wins. */
    private Result store(long connectionId, String platformKey, TokenSet fresh) {
        boolean stored = QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(connectionId, LockModeType.PESSIMISTIC_WRITE);
            if (connection == null || connection.status != ConnectionStatus.LINKED) {
                return false;
            }
            tokens.store(connection, fresh);
            return true;
        });
        if (!stored) {
            return Result.of(Kind.NOT_LINKED, "The connection was deauthorized or deleted during the refresh");
        }
        Log.debugf("Access token of connection %d refreshed", connectionId);
        metrics.tokenRefreshed(platformKey, Kind.REFRESHED.name());
        return new Result(Kind.REFRESHED, fresh.accessToken(), null);
    }

    private Result failed(long connectionId, String platformKey, ConnectorException e, Instant now) {
        if (e.reason() == ConnectorException.Reason.INVALID_GRANT) {
            return reauthorize(connectionId, "The provider refused the refresh token: " + e.getMessage());
        }
        release(
                connectionId,
                e.retryAfter().or(() -> e.temporary() ? Optional.empty() : Optional.of(AFTER_REFUSAL)),
                now);
        String message = "Token refresh failed: " + e.getMessage();
        Log.warnf(
                "Refreshing the token of connection %d (%s) failed: %s",
                connectionId, platformKey, LogText.clean(e.getMessage()));
        Kind kind = e.temporary() ? Kind.TEMPORARY_FAILURE : Kind.FAILED;
        metrics.tokenRefreshed(platformKey, kind.name());
        return Result.of(kind, message);
    }

    private Result reauthorize(long connectionId, String reason) {
        String marked = QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(connectionId, LockModeType.PESSIMISTIC_WRITE);
            // The platform when this run marked it; null when it was not LINKED any more (told once, counted once).
            return connection != null && reauthorization.require(connection, reason) ? connection.platformKey : null;
        });
        if (marked != null) {
            metrics.tokenRefreshed(marked, Kind.REAUTHORIZATION_REQUIRED.name());
            Log.warnf("Connection %d needs reconnecting: %s", connectionId, LogText.clean(reason));
        }
        return Result.of(Kind.REAUTHORIZATION_REQUIRED, reason);
    }

    /** Ends this run's claim; after a Retry-After, no run refreshes before it has passed. */
    private void release(long connectionId, Optional<Duration> retryAfter, Instant now) {
        Instant next = retryAfter
                .map(wait -> wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait)
                .map(now::plus)
                .orElse(null);
        QuarkusTransaction.requiringNew()
                .run(() -> Connection.update("tokenRefreshAfter = ?1 where id = ?2", next, connectionId));
    }
}
