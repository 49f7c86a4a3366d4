package io.connectionportal.api;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.connections.Connection;
import io.connectionportal.manage.ManageConnections;
import io.connectionportal.sync.SyncJobs;

/**
 * Refresh, deauthorize and delete through the API, on the same paths as the business's own buttons (M2, M3): the
 * audit trail names the API key, and the webhooks those paths send go out once, whoever pressed.
 */
@ApplicationScoped
class ConnectionOperations {

    private final ApiConnections connections;
    private final SyncJobs syncJobs;
    private final ManageConnections manage;
    private final AuditTrail audit;

    ConnectionOperations(ApiConnections connections, SyncJobs syncJobs, ManageConnections manage, AuditTrail audit) {
        this.connections = connections;
        this.syncJobs = syncJobs;
        this.manage = manage;
        this.audit = audit;
    }

    /** 202 with the sync queued (or already queued or running); 409 when the connection is not linked. */
    ApiResponse refresh(long companyId, long connectionId, String actor) {
        Connection connection = connections.require(companyId, connectionId);
        Optional<SyncJobs.Enqueued> enqueued = syncJobs.refresh(companyId, connectionId);
        if (enqueued.isEmpty()) {
            return ApiResponse.of(Problem.of(
                    409,
                    "connection-not-linked",
                    "Connection not linked",
                    "This connection is " + connection.status.name() + "; only a LINKED connection is synced."
                            + " The business reconnects it from its connection page, or through a new link."));
        }
        if (!enqueued.get().alreadyActive()) {
            audit.record(companyId, connectionId, connection.platformKey, AuditType.REFRESHED, actor, null);
        }
        SyncJobs.JobState job = syncJobs.job(companyId, enqueued.get().jobId()).orElseThrow(Ids::noConnection);
        return new ApiResponse(
                202, Json.write(QueuedSyncView.of(job, enqueued.get().alreadyActive())), null);
    }

    /** Revokes the tokens and keeps the data; the connection's new state (unchanged unless it was LINKED). */
    ConnectionView deauthorize(long companyId, long connectionId, String actor) {
        connections.require(companyId, connectionId);
        manage.deauthorize(companyId, connectionId, actor).orElseThrow(Ids::noConnection);
        return connections.find(companyId, connectionId).orElseThrow(Ids::noConnection);
    }

    /** Revokes the tokens and erases the connection with everything synced from it. */
    void delete(long companyId, long connectionId, String actor) {
        connections.require(companyId, connectionId);
        manage.delete(companyId, connectionId, actor).orElseThrow(Ids::noConnection);
    }
}
