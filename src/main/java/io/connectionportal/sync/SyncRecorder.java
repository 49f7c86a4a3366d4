package io.connectionportal.sync;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.platforms.DataType;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes the end of a sync: the datasets, the run in the history and the end of the job, all in one
 * transaction, so the dashboard never sees new data without its run or a finished run whose job still
 * shows as syncing. The connection row is locked first, so a deauthorize or delete happening at the
 * same moment either comes before (and nothing is stored) or after.
 */
@ApplicationScoped
class SyncRecorder {

    private static final Logger LOG = Logger.getLogger(SyncRecorder.class);

    /** One record ready to store: its id at the provider and its JSON. */
    record Item(String externalId, String payload) {
    }

    private final SyncJobs jobs;
    private final AuditTrail audit;

    SyncRecorder(SyncJobs jobs, AuditTrail audit) {
        this.jobs = jobs;
        this.audit = audit;
    }

    /** Replaces the connection's records of every fetched type and records a SUCCESS run; returns the outcome recorded. */
    SyncOutcome success(SyncJobs.Claimed job, Map<DataType, List<Item>> datasets) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(job.connectionId(), LockModeType.PESSIMISTIC_WRITE);
            if (connection == null) {
                return gone(job);
            }
            if (connection.status != ConnectionStatus.LINKED) {
                // Deauthorized (or found revoked elsewhere) while this sync was fetching: keep what was there.
                record(job, SyncOutcome.FAILED, "The connection was " + connection.status + " during the sync; nothing was stored",
                        Map.of());
                return SyncOutcome.FAILED;
            }
            Instant now = Instant.now();
            for (Map.Entry<DataType, List<Item>> dataset : datasets.entrySet()) {
                // A bulk delete runs at once, before the inserts below, so the unique key never sees both copies.
                SyncedRecord.delete("connectionId = ?1 and dataType = ?2", job.connectionId(), dataset.getKey());
                for (Item item : dataset.getValue()) {
                    SyncedRecord record = new SyncedRecord();
                    record.connectionId = job.connectionId();
                    record.companyId = connection.companyId;
                    record.dataType = dataset.getKey();
                    record.externalId = item.externalId();
                    record.payload = item.payload();
                    record.syncedAt = now;
                    record.persist();
                }
            }
            Map<DataType, Integer> counts = new EnumMap<>(DataType.class);
            datasets.forEach((type, items) -> counts.put(type, items.size()));
            record(job, SyncOutcome.SUCCESS, null, counts);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            audit.record(connection.companyId, connection.id, connection.platformKey, AuditType.SYNCED, null,
                    total + " records");
            return SyncOutcome.SUCCESS;
        });
    }

    /** A sync that stored nothing; the data of the previous success stays as it was. */
    void failed(SyncJobs.Claimed job, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Connection.findById(job.connectionId(), LockModeType.PESSIMISTIC_WRITE) == null) {
                gone(job);
                return;
            }
            record(job, SyncOutcome.FAILED, message, Map.of());
        });
    }

    /** The provider no longer honours the grant: the connection needs reauthorizing and leaves the schedule. */
    void reauthorizationRequired(SyncJobs.Claimed job, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            Connection connection = Connection.findById(job.connectionId(), LockModeType.PESSIMISTIC_WRITE);
            if (connection == null) {
                gone(job);
                return;
            }
            if (connection.status == ConnectionStatus.LINKED) {
                connection.status = ConnectionStatus.REAUTH_REQUIRED;
            }
            record(job, SyncOutcome.REAUTH_REQUIRED, message, Map.of());
        });
    }

    /** The connection was no longer linked when its job came up: nothing to sync, nothing to record. */
    void skipped(SyncJobs.Claimed job, ConnectionStatus status) {
        QuarkusTransaction.requiringNew().run(() -> jobs.markDone(job.jobId()));
        LOG.infof("Sync of connection %d skipped: it is %s", job.connectionId(), status);
    }

    private void record(SyncJobs.Claimed job, SyncOutcome outcome, String message, Map<DataType, Integer> counts) {
        SyncRun run = new SyncRun();
        run.connectionId = job.connectionId();
        run.companyId = job.companyId();
        run.trigger = job.trigger();
        run.startedAt = job.startedAt();
        run.endedAt = Instant.now();
        run.outcome = outcome;
        run.errorMessage = message == null ? null : truncate(message);
        run.counts.putAll(counts);
        run.persist();
        jobs.markDone(job.jobId());
        if (outcome == SyncOutcome.SUCCESS) {
            LOG.infof("Sync of connection %d (%s) succeeded: %s", job.connectionId(), job.trigger(), counts);
        } else {
            LOG.warnf("Sync of connection %d (%s) ended %s: %s", job.connectionId(), job.trigger(), outcome, run.errorMessage);
        }
    }

    /** Deleted while syncing: its job went with it (ON DELETE CASCADE), and there is no one to show a run to. */
    private static SyncOutcome gone(SyncJobs.Claimed job) {
        LOG.infof("Connection %d was deleted during its sync; nothing stored", job.connectionId());
        return SyncOutcome.FAILED;
    }

    private static String truncate(String message) {
        return message.length() <= 500 ? message : message.substring(0, 497) + "...";
    }
}
