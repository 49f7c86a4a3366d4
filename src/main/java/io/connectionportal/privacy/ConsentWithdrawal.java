package io.connectionportal.privacy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.consent.ConsentRecord;
import io.connectionportal.consent.ConsentSource;
import io.connectionportal.consent.Consents;
import io.connectionportal.manage.ManageConnections;
import io.connectionportal.platforms.Category;
import io.connectionportal.shared.CurrentUser;

/**
 * Withdrawing consent to a kind of data (GDPR art. 7(3)): the withdrawal is recorded first, in its own transaction,
 * so nothing new of that kind starts; then every connection of that kind stops the way the dashboard's Deauthorize
 * stops one (tokens revoked at the provider through the revocation outbox, outside any transaction). A connection
 * still waiting for its authorization is removed instead, so it cannot be linked after the consent is gone.
 */
@ApplicationScoped
class ConsentWithdrawal {

    /** The statuses of connections that a withdrawal stops: those that read data, or may soon. */
    static final Set<ConnectionStatus> STOPPED =
            EnumSet.of(ConnectionStatus.LINKED, ConnectionStatus.REAUTH_REQUIRED, ConnectionStatus.PENDING_AUTH);

    /** What a withdrawal did; {@code withdrawn} is false when there was no consent to withdraw. */
    record Outcome(boolean withdrawn, int connectionsStopped, boolean revocationPending) {}

    private final Consents consents;
    private final ManageConnections manage;
    private final CurrentUser viewer;

    ConsentWithdrawal(Consents consents, ManageConnections manage, CurrentUser viewer) {
        this.consents = consents;
        this.manage = manage;
        this.viewer = viewer;
    }

    /** The signed-in company's connections that withdrawing consent to {@code category} would stop, newest first. */
    List<Connection> affected(Category category) {
        return Connection.ofCompany(viewer.companyId()).stream()
                .filter(c -> c.category == category && STOPPED.contains(c.status))
                .toList();
    }

    /** Must run outside any transaction: the providers are called. */
    Outcome withdraw(Category category) {
        Optional<ConsentRecord> recorded = consents.withdraw(category, ConsentSource.WITHDRAW_PAGE);
        if (recorded.isEmpty()) {
            return new Outcome(false, 0, false);
        }
        long companyId = viewer.companyId();
        int stopped = 0;
        boolean pending = false;
        for (Connection connection : affected(category)) {
            Optional<ManageConnections.Result> result = connection.pending()
                    ? manage.delete(companyId, connection.id, viewer.email())
                    : manage.deauthorizeForWithdrawnConsent(companyId, connection.id, viewer.email());
            if (result.filter(ManageConnections.Result::changed).isPresent()) {
                stopped++;
                pending |= result.get().revocationPending();
            }
        }
        return new Outcome(true, stopped, pending);
    }
}
