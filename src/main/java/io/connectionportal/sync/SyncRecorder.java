package io.connectionportal.sync;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.audit.AuditEvent;
import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.connections.Reauthorization;
import io.connectionportal.platforms.DataType;
import io.connectionportal.shared.LogText;

/**
 * Writes the end of a sync: the datasets, the run in the history, the connection's summary and the end of the job,
 * all in one transaction, so the dashboard never sees new data without its run or a finished run whose job still
 * shows as syncing. The connection row is locked first, so a deauthorize or delete happening at the
 * same moment either comes before (and nothing is stored) or after.
 */
@ApplicationScoped
class SyncRecorder {

    /** One record ready to store: its id at the provider and its JSON. */
    record Item(String externalId, String payload) {}

    private final SyncJobs jobs;
    private final AuditTrail audit;

    private final Reauthorization reauthorization;
    private final Event<SyncFinished> finished;
    private final ConnectionSummaries summaries;

    SyncRecorder(
            SyncJobs jobs,
            AuditTrail audit,
            Reauthorization reauthorization,
            Event<SyncFinished> finished,
            ConnectionSummaries summaries) {
        this.summaries = summaries;
        this.reauthorization = reauthorization;
        this.finished = finished;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** How a sync ended, as the runner saw it; {@link #finish} decides what of it is stored. */
    record Ending(
            SyncOutcome outcome,
            String message,
            Map<DataType, List<Item>> datasets,
            Set<DataType> merged,
            boolean skipped) {

        /** {@code merged} types were read incrementally: merged into what is stored, not replacing it. */
        static Ending success(Map<DataType, List<Item>> datasets, Set<DataType> merged) {
            return new Ending(SyncOutcome.SUCCESS, null, datasets, merged, false);
        }

        static Ending success(Map<DataType, List<Item>> datasets) {
            return success(datasets, Set.of());
        }

        static Ending failed(String message) {
            return new Ending(SyncOutcome.FAILED, message, Map.of(), Set.of(), false);
        }

        /** The provider no longer honours the grant: the business must authorize again. */
        static Ending reauthorizationRequired(String message) {
            return new Ending(SyncOutcome.REAUTH_REQUIRED, message, Map.of(), Set.of(), false);
        }

        /** The connection was no longer linked when its job came up: nothing to sync, no run to show. */
        static Ending notLinked() {
            return new Ending(SyncOutcome.FAILED, null, Map.of(), Set.of(), true);
        }
    }

    /**
     * The one exit of every job: stores what the ending says, the run in the history and the end of the
     * job, and returns the outcome recorded (a success arriving after a deauthorize is recorded as FAILED).
     */
    SyncOutcome finish(SyncJobs.Claimed job, Ending ending) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(job.connectionId(), LockModeType.PESSIMISTIC_WRITE);
            if (connection == null) {
                // Deleted while syncing: its job went with it (ON DELETE CASCADE), and there is no one to show a run
                // to.
                Log.infof("Connection %d was deleted during its sync; nothing stored", job.connectionId());
                return SyncOutcome.FAILED;
            }
            if (ending.skipped()) {
                jobs.markDone(job.jobId());
                Log.infof("Sync of connection %d skipped: it is %s", job.connectionId(), connection.status);
                return SyncOutcome.FAILED;
            }
            return switch (ending.outcome()) {
                case SUCCESS -> stored(job, connection, ending.datasets(), ending.merged());
                case REAUTH_REQUIRED -> {
                    // Already marked when the token refresh found out; the data API refusing a fresh token is new.
                    reauthorization.require(connection, ending.message());
                    yield record(job, connection, SyncOutcome.REAUTH_REQUIRED, ending.message(), Map.of());
                }
                // A failed sync stores nothing; the data of the previous success stays as it was.
                case FAILED -> record(job, connection, SyncOutcome.FAILED, ending.message(), Map.of());
            };
        });
    }

    /** Replaces the connection's records of every fetched type, only while it is still LINKED. */
    private SyncOutcome stored(
            SyncJobs.Claimed job, Connection connection, Map<DataType, List<Item>> datasets, Set<DataType> merged) {
        if (connection.status != ConnectionStatus.LINKED) {
            // Deauthorized (or found revoked elsewhere) while this sync was fetching: keep what was there.
            return record(
                    job,
                    connection,
                    SyncOutcome.FAILED,
                    "The connection was " + connection.status + " during the sync; nothing was stored",
                    Map.of());
        }
        Instant now = Instant.now();
        Map<DataType, Integer> counts = new EnumMap<>(DataType.class);
        for (Map.Entry<DataType, List<Item>> dataset : datasets.entrySet()) {
            // A bulk delete runs at once, before the inserts below, so the unique key never sees both copies.
            if (merged.contains(dataset.getKey())) {
                for (List<String> ids :
                        chunks(dataset.getValue().stream().map(Item::externalId).toList())) {
                    SyncedRecord.delete(
                            "connectionId = ?1 and dataType = ?2 and externalId in ?3",
                            job.connectionId(),
                            dataset.getKey(),
                            ids);
                }
            } else {
                SyncedRecord.delete("connectionId = ?1 and dataType = ?2", job.connectionId(), dataset.getKey());
            }
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
        SyncedRecord.flush();
        datasets.forEach((type, items) -> counts.put(
                type,
                merged.contains(type)
                        ? (int) SyncedRecord.count("connectionId = ?1 and dataType = ?2", job.connectionId(), type)
                        : items.size()));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        audit.record(
                connection.companyId,
                connection.id,
                connection.platformKey,
                AuditType.SYNCED,
                job.trigger() == Trigger.MANUAL ? AuditEvent.ON_REQUEST : null,
                total + " records");
        return record(job, connection, SyncOutcome.SUCCESS, null, counts);
    }

    private SyncOutcome record(
            SyncJobs.Claimed job,
            Connection connection,
            SyncOutcome outcome,
            String message,
            Map<DataType, Integer> counts) {
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
        summaries.recordRun(run, connection.companyId, counts);
        jobs.markDone(job.jobId());
        finished.fire(new SyncFinished(
                run.id, connection.id, connection.companyId, connection.platformKey, connection.category, outcome));
        if (outcome == SyncOutcome.SUCCESS) {
            Log.infof("Sync of connection %d (%s) succeeded: %s", job.connectionId(), job.trigger(), counts);
        } else {
            Log.warnf(
                    "Sync of connection %d (%s) ended %s: %s",
                    job.connectionId(), job.trigger(), outcome, LogText.clean(run.errorMessage));
        }
        return outcome;
    }

    /** Ids in groups a database takes in one IN list. */
    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }

    private static String truncate(String message) {
        return message.length() <= 500 ? message : message.substring(0, 497) + "...";
    }
}
