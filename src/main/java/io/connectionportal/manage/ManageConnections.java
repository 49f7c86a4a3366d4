package io.connectionportal.manage;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionChanged;
import io.connectionportal.connections.ConnectionStatus;

/**
 * Deauthorize and delete (M2), scoped by company: another company's connection is simply not found.
 * Tokens leave the connection first (see {@link Revocations}), the provider is asked to revoke them
 * outside any transaction, and a provider that does not answer is retried until it confirms. A token no
 * configured key decrypts cannot be sent: deauthorize and delete still go through, and the revocation is
 * recorded as impossible.
 */
@ApplicationScoped
public class ManageConnections {

    /**
     * What a request did: {@code changed} false when there was nothing to do (already deauthorized);
     * {@code revocationImpossible} when a token could not be sent to the provider (no configured key decrypts it);
     * {@code revocationRefused} when the provider refused a revocation for good or has no revocation endpoint.
     */
    public record Result(
            boolean changed, boolean revocationPending, boolean revocationImpossible, boolean revocationRefused) {}

    private record Staged(List<Long> revocations, boolean changed, boolean impossible) {}

    private final Revocations revocations;
    private final AuditTrail audit;

    private final Event<ConnectionChanged> changes;

    ManageConnections(Revocations revocations, AuditTrail audit, Event<ConnectionChanged> changes) {
        this.changes = changes;
        this.revocations = revocations;
        this.audit = audit;
    }

    /**
     * Revokes the tokens at the provider and keeps the data read so far; the connection becomes
     * DEAUTHORIZED, which stops its syncs (only LINKED connections are synced). Only a LINKED connection
     * changes. Empty when the company has no connection with this id.
     */
    public Optional<Result> deauthorize(long companyId, long connectionId, String actor) {
        return deauthorize(companyId, connectionId, actor, EnumSet.of(ConnectionStatus.LINKED));
    }

    /**
     * The same when the company withdraws its consent to the connection's kind of data: a connection that needs
     * reconnecting is deauthorized too, since the provider may still honour its tokens.
     */
    public Optional<Result> deauthorizeForWithdrawnConsent(long companyId, long connectionId, String actor) {
        return deauthorize(
                companyId, connectionId, actor, EnumSet.of(ConnectionStatus.LINKED, ConnectionStatus.REAUTH_REQUIRED));
    }

    private Optional<Result> deauthorize(long companyId, long connectionId, String actor, Set<ConnectionStatus> from) {
        Staged staged = QuarkusTransaction.requiringNew().call(() -> {
            Connection connection =
                    Connection.ofCompany(companyId, connectionId).orElse(null);
            if (connection == null) {
                return null;
            }
            if (!from.contains(connection.status)) {
                return new Staged(List.of(), false, false);
            }
            audit.record(companyId, connection.id, connection.platformKey, AuditType.DEAUTHORIZED, actor, null);
            Revocations.Staged queued = revocations.stage(connection, Instant.now());
            connection.status = ConnectionStatus.DEAUTHORIZED;
            changes.fire(ConnectionChanged.of(connection, ConnectionChanged.Change.DEAUTHORIZED));
            return new Staged(queued.ids(), true, queued.impossible());
        });
        if (staged == null) {
            return Optional.empty();
        }
        Revocations.Attempted attempted = revocations.attempt(staged.revocations(), Instant.now());
        return Optional.of(new Result(staged.changed(), attempted.pending(), staged.impossible(), attempted.refused()));
    }

    /**
     * Revokes the tokens first, then erases the connection and everything read from it (the sync tables
     * and authorization attempts follow the connection row by {@code on delete cascade}). Its audit
     * events stay, with a DELETED tombstone; a revocation the provider did not confirm keeps being
     * retried. Empty when the company has no connection with this id.
     */
    public Optional<Result> delete(long companyId, long connectionId, String actor) {
        Staged staged = QuarkusTransaction.requiringNew().call(() -> {
            Connection connection =
                    Connection.ofCompany(companyId, connectionId).orElse(null);
            if (connection == null) {
                return null;
            }
            Revocations.Staged queued = revocations.stage(connection, Instant.now());
            // No sync starts any more while the provider is being called.
            connection.status = ConnectionStatus.DEAUTHORIZED;
            return new Staged(queued.ids(), true, queued.impossible());
        });
        if (staged == null) {
            return Optional.empty();
        }
        Revocations.Attempted attempted = revocations.attempt(staged.revocations(), Instant.now());
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
            Connection connection =
                    Connection.ofCompany(companyId, connectionId).orElse(null);
            if (connection == null) {
                return false;
            }
            // A connection never linked (still pending) was never told to the integrator: its removal is not either.
            if (connection.linkedAt != null) {
                changes.fire(ConnectionChanged.of(connection, ConnectionChanged.Change.DELETED));
            }
            connection.delete();
            audit.record(companyId, connection.id, connection.platformKey, AuditType.DELETED, actor, null);
            return true;
        });
        return Optional.of(new Result(deleted, attempted.pending(), staged.impossible(), attempted.refused()));
    }
}
