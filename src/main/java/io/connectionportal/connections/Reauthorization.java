package io.connectionportal.connections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.connectionportal.audit.AuditEvent;
import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;

/**
 * The one way a linked connection comes to need reconnecting, whoever finds out (the token refresh, a sync the data
 * API refused, a token key lost for good): the status, one audit event and one {@link ConnectionChanged}, which the
 * webhooks tell the integrator, all in the caller's transaction.
 */
@ApplicationScoped
public class Reauthorization {

    private final AuditTrail audit;
    private final Event<ConnectionChanged> changes;

    Reauthorization(AuditTrail audit, Event<ConnectionChanged> changes) {
        this.audit = audit;
        this.changes = changes;
    }

    /**
     * Marks the connection, which the caller holds locked, as needing reconnecting; {@code reason} (never a token) goes
     * to the audit trail. False, and nothing recorded, when it was not LINKED: each change is told once.
     */
    public boolean require(Connection connection, String reason) {
        if (connection.status != ConnectionStatus.LINKED) {
            return false;
        }
        connection.status = ConnectionStatus.REAUTH_REQUIRED;
        connection.tokenRefreshAfter = null;
        audit.record(
                connection.companyId,
                connection.id,
                connection.platformKey,
                AuditType.REAUTHORIZATION_REQUIRED,
                AuditEvent.SYSTEM,
                reason == null || reason.length() <= 300 ? reason : reason.substring(0, 297) + "...");
        changes.fire(ConnectionChanged.of(connection, ConnectionChanged.Change.REAUTHORIZATION_REQUIRED));
        return true;
    }
}
