package io.connectionportal.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionChanged;

/**
 * Tells the business, by e-mail, that a connection needs reconnecting, once per breakage. It observes the one event
 * every finder fires (a refused refresh, a sync the provider refused, a token key lost for good) inside the transaction
 * that marks the connection, which holds the connection locked; the e-mails commit with the mark or not at all.
 */
@ApplicationScoped
class BreakageNotice {

    private final AccessNotices notices;

    BreakageNotice(AccessNotices notices) {
        this.notices = notices;
    }

    void onChange(@Observes ConnectionChanged changed) {
        if (changed.change() != ConnectionChanged.Change.REAUTHORIZATION_REQUIRED) {
            return;
        }
        Connection connection = Connection.findById(changed.connectionId());
        if (connection == null) {
            return;
        }
        // The link that broke names the breakage: a reconnect moves linkedAt, so a later breakage is told again.
        notices.tell(
                connection,
                AccessNotice.Kind.BROKEN,
                connection.linkedAt != null ? connection.linkedAt : connection.createdAt);
    }
}
