package io.connectionportal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.monitor.PortalMetrics;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.tokens.TokenRefresh;

/**
 * Runs one claimed sync: gets a usable access token through {@link TokenRefresh} (refreshed first when it expires
 * soon, the same path the scheduled refresh takes), reads
 * every data type the platform offers from its data API, then hands everything to {@link SyncRecorder}.
 * Provider calls happen outside any transaction; tokens live in local variables only and are never logged.
 */
@ApplicationScoped
class SyncRunner {

    private final PortalMetrics metrics;

    private static final int MAX_PAYLOAD = 1_000_000;
    private static final int MAX_EXTERNAL_ID = 100;

    private final PlatformCatalog catalog;
    private final TokenRefresh tokenRefresh;
    private final ProviderApis apis;
    private final SyncRecorder recorder;
    private final ObjectMapper json;
    private final SyncJobs jobs;
    private final Duration lease;

    SyncRunner(
            PlatformCatalog catalog,
            TokenRefresh tokenRefresh,
            ProviderApis apis,
            SyncRecorder recorder,
            ObjectMapper json,
            PortalMetrics metrics,
            SyncJobs jobs,
            PortalConfig portal) {
        this.jobs = jobs;
        this.lease = portal.sync().lease();
        this.metrics = metrics;
        this.catalog = catalog;
        this.tokenRefresh = tokenRefresh;
        this.apis = apis;
        this.recorder = recorder;
        this.json = json;
    }

    /** The provider refused the grant: the business must authorize again. */
    private static final class ReauthorizationRequired extends Exception {
        ReauthorizationRequired(String message) {
            super(message, null, false, false);
        }
    }

    /** The sync cannot go on; the message is kept in the history. */
    private static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What the sync needs of the connection, read in one short transaction, with the start of its last successful
     * sync (an incremental read asks for what changed since, less a margin for the provider's clock).
     */
    private record Start(
            ConnectionStatus status,
            String platformKey,
            boolean sandbox,
            Optional<String> accountId,
            Optional<Instant> lastSuccess) {}

    /** How far before the last successful sync an incremental read starts: clocks differ and writes land late. */
    private static final Duration INCREMENTAL_OVERLAP = Duration.ofMinutes(10);

    /** The longest wait between two tries at recording a sync's end while the database is away. */
    private static final Duration MAX_RECORDING_PAUSE = Duration.ofSeconds(15);

    /** Runs the job to its end and records how it went; never throws, so a worker can go on with the next job. */
    SyncOutcome run(SyncJobs.Claimed job) {
        Instant started = Instant.now();
        SyncOutcome outcome = runAndRecord(job);
        Connection connection = QuarkusTransaction.requiringNew().call(() -> Connection.findById(job.connectionId()));
        metrics.syncFinished(
                connection == null ? null : connection.platformKey,
                outcome.name(),
                Duration.between(started, Instant.now()));
        return outcome;
    }

    private SyncOutcome runAndRecord(SyncJobs.Claimed job) {
        SyncRecorder.Ending ending;
        try {
            ending = sync(job);
        } catch (RuntimeException e) {
            Log.errorf(e, "Sync of connection %d failed unexpectedly", job.connectionId());
            ending = SyncRecorder.Ending.failed(
                    "Unexpected error (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return recorder.finish(job, ending);
        } catch (SyncJobs.LeaseLost e) {
            Log.infof("Sync of connection %d: %s", job.connectionId(), e.getMessage());
            return SyncOutcome.FAILED;
        } catch (RuntimeException e) {
            Log.errorf(
                    "Could not record the end of the sync of connection %d (%s); its failure is recorded once the"
                            + " database answers",
                    job.connectionId(), e.toString());
            return recordLostEnding(job);
        }
    }

    /**
     * The database was lost as the sync ended. Once it answers again the run is recorded FAILED and the job ended, so
     * the history says what happened and no other claim repeats every provider call; what was read is dropped, the
     * next scheduled sync reads it again. Gives up (the lease then ends, and the job is claimed again) when this
     * instance stops, another instance took the job, or the database stays away for five leases.
     */
    private SyncOutcome recordLostEnding(SyncJobs.Claimed job) {
        SyncRecorder.Ending lost = SyncRecorder.Ending.failed(
                "The portal lost its database as this sync ended; nothing from it was stored");
        Instant giveUpAt = Instant.now().plus(lease.multipliedBy(5));
        Duration pause = Duration.ofSeconds(1);
        while (!jobs.isStopping() && Instant.now().isBefore(giveUpAt)) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = Collections.min(List.of(pause.multipliedBy(2), MAX_RECORDING_PAUSE));
            try {
                SyncOutcome recorded = recorder.finish(job, lost);
                Log.infof(
                        "The database answers again: the sync of connection %d is recorded as failed",
                        job.connectionId());
                return recorded;
            } catch (SyncJobs.LeaseLost e) {
                Log.infof("Sync of connection %d: %s", job.connectionId(), e.getMessage());
                break;
            } catch (RuntimeException stillLost) {
                Log.debugf("Database still unreachable: %s", stillLost.toString());
            }
        }
        return SyncOutcome.FAILED;
    }

    /** Reads and fetches; says how it ended without recording anything (the recorder is the one exit). */
    private SyncRecorder.Ending sync(SyncJobs.Claimed job) {
        Start start = QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(job.connectionId());
            return connection == null
                    ? null
                    : new Start(
                            connection.status,
                            connection.platformKey,
                            connection.sandbox,
                            Optional.ofNullable(connection.providerAccountId),
                            SyncRun.lastSuccessStart(connection.id, connection.linkedAt));
        });
        if (start == null) {
            return SyncRecorder.Ending.failed("The connection no longer exists");
        }
        return sync(job, start);
    }

    private SyncRecorder.Ending sync(SyncJobs.Claimed job, Start start) {
        if (start.status() != ConnectionStatus.LINKED) {
            return SyncRecorder.Ending.notLinked();
        }
        Optional<Platform> platform = catalog.find(start.platformKey());
        if (platform.isEmpty()) {
            return SyncRecorder.Ending.failed("The platform " + start.platformKey() + " is no longer in the catalog");
        }
        Optional<ProviderApi> api = apis.forPlatform(platform.get(), start.sandbox());
        if (api.isEmpty()) {
            return SyncRecorder.Ending.failed("This platform's data is not read automatically");
        }
        try {
            Map<DataType, List<SyncRecorder.Item>> datasets = new EnumMap<>(DataType.class);
            Set<DataType> merged = EnumSet.noneOf(DataType.class);
            fetch(job, start, platform.get(), api.get(), datasets, merged);
            return SyncRecorder.Ending.success(datasets, merged);
        } catch (ReauthorizationRequired e) {
            return SyncRecorder.Ending.reauthorizationRequired(e.getMessage());
        } catch (Failure e) {
            return SyncRecorder.Ending.failed(e.getMessage());
        }
    }

    private void fetch(
            SyncJobs.Claimed job,
            Start start,
            Platform platform,
            ProviderApi api,
            Map<DataType, List<SyncRecorder.Item>> datasets,
            Set<DataType> merged)
            throws ReauthorizationRequired, Failure {
        TokenRefresh.Result token = accessToken(job, Optional.empty());
        boolean refreshed = token.kind() == TokenRefresh.Kind.REFRESHED;
        String access = token.accessToken();
        for (DataType type : platform.reads()) {
            if (!api.reads(type)) {
                continue;
            }
            // Only the schedule reads what changed: a refresh someone asked for reads everything, which is also what
            // removes the records the provider deleted (a merge never learns of them).
            Optional<Instant> since = api.incremental(type) && job.trigger() == Trigger.SCHEDULED
                    ? start.lastSuccess().map(t -> t.minus(INCREMENTAL_OVERLAP))
                    : Optional.empty();
            since.ifPresent(t -> merged.add(type));
            List<JsonNode> records;
            try {
                records = api.fetch(new ProviderApi.Read(platform, type, access, start.accountId(), since));
            } catch (ProviderApiException e) {
                if (e.reason() != ProviderApiException.Reason.UNAUTHORIZED) {
                    throw new Failure(e.getMessage());
                }
                if (refreshed) {
                    throw new ReauthorizationRequired(e.getMessage() + " after the token was refreshed");
                }
                // Revoked or expired earlier than announced: one refresh, then one more try.
                access = accessToken(job, Optional.of(access)).accessToken();
                refreshed = true;
                try {
                    records = api.fetch(new ProviderApi.Read(platform, type, access, start.accountId(), since));
                } catch (ProviderApiException again) {
                    if (again.reason() == ProviderApiException.Reason.UNAUTHORIZED) {
                        throw new ReauthorizationRequired(again.getMessage() + " after the token was refreshed");
                    }
                    throw new Failure(again.getMessage());
                }
            }
            datasets.put(type, items(type, records));
        }
    }

    /** A usable access token through the one refresh path the scheduled job uses too ({@link TokenRefresh}). */
    private TokenRefresh.Result accessToken(SyncJobs.Claimed job, Optional<String> rejected)
            throws ReauthorizationRequired, Failure {
        TokenRefresh.Result result = tokenRefresh.fresh(job.connectionId(), rejected);
        return switch (result.kind()) {
            case REFRESHED, STILL_VALID -> result;
            case REAUTHORIZATION_REQUIRED -> throw new ReauthorizationRequired(result.message());
            case NOT_LINKED -> throw new Failure("The connection was deauthorized or deleted during the sync");
            case TEMPORARY_FAILURE, FAILED, BUSY -> throw new Failure(result.message());
        };
    }

    /** The records as stored: keyed by the provider's id (one row per id, the last one wins), JSON as sent. */
    private List<SyncRecorder.Item> items(DataType type, List<JsonNode> records) throws Failure {
        Map<String, SyncRecorder.Item> byId = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String payload;
            try {
                payload = json.writeValueAsString(record);
            } catch (JsonProcessingException e) {
                throw new Failure("A " + type.key() + " record could not be stored");
            }
            if (payload.length() > MAX_PAYLOAD) {
                throw new Failure("A " + type.key() + " record is larger than " + MAX_PAYLOAD + " characters");
            }
            String id = externalId(record, i);
            byId.put(id, new SyncRecorder.Item(id, payload));
        }
        return new ArrayList<>(byId.values());
    }

    /** The record's own id; a record without one gets its position, and an over-long id its SHA-256. */
    static String externalId(JsonNode record, int position) {
        JsonNode id = record.path("id");
        String value = id.isValueNode() && !id.isNull() ? id.asText() : "";
        if (value.isBlank()) {
            return "#" + position;
        }
        return value.length() <= MAX_EXTERNAL_ID ? value : "sha256:" + Hashes.sha256Hex(value);
    }
}
