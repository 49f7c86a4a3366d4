package io.connectionportal.connect;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.PortalConfig;

/**
 * Removes what the connect journey leaves behind: connections still "Pending authorization" long after the
 * business left at the provider (with their attempts), expired attempts, and share links used or expired
 * beyond their retention. Deleting is idempotent, so every instance may run it without claiming it.
 */
@ApplicationScoped
class ConnectRetention {

    /** How many rows of each kind one purge removed. */
    record Purged(int pendingConnections, int attempts, int shareLinks) {}

    private final PortalConfig config;

    ConnectRetention(PortalConfig config) {
        this.config = config;
    }

    @FinishesBeforeStop
    @Scheduled(
            identity = "connect-retention",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Purged purged = purge(Instant.now());
        if (purged.pendingConnections() + purged.attempts() + purged.shareLinks() > 0) {
            Log.infof("Retention purge removed %s", purged);
        }
    }

    Purged purge(Instant now) {
        Instant pendingCutoff = now.minus(config.retention().pendingAuthorization());
        Instant linkCutoff = now.minus(config.retention().shareLinks());
        return QuarkusTransaction.requiringNew().call(() -> {
            // Never linked, so nothing was read and no token exists; their attempts follow by ON DELETE CASCADE.
            int pending = (int) Connection.delete(
                    "status = ?1 and linkedAt is null and createdAt < ?2",
                    ConnectionStatus.PENDING_AUTH,
                    pendingCutoff);
            int attempts = (int) AuthorizationAttempt.delete("expiresAt < ?1", pendingCutoff);
            Connection.update(
                    "shareLinkId = null where shareLinkId in (select l.id from ShareLink l"
                            + " where coalesce(l.usedAt, l.expiresAt) < ?1)",
                    linkCutoff);
            int links = (int) ShareLink.delete("coalesce(usedAt, expiresAt) < ?1", linkCutoff);
            return new Purged(pending, attempts, links);
        });
    }
}
