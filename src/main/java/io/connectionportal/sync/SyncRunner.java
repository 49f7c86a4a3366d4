package io.connectionportal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.connectors.Connector;
import io.connectionportal.connectors.ConnectorException;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.connectors.TokenCipher.UndecryptableTokenException;
import io.connectionportal.connectors.TokenSet;
import io.connectionportal.monitor.PortalMetrics;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.Hashes;

/**
 * Runs one claimed sync: refreshes the access token first when it has expired (or is about to), reads
 * every data type the platform offers from its data API, then hands everything to {@link SyncRecorder}.
 * Provider calls happen outside any transaction; tokens live in local variables only and are never logged.
 */
@ApplicationScoped
class SyncRunner {

    private final PortalMetrics metrics;

    /** An access token this close to expiry is refreshed first: it could expire between our check and the provider's. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private static final int MAX_PAYLOAD = 1_000_000;
    private static final int MAX_EXTERNAL_ID = 100;

    private final PlatformCatalog catalog;
    private final Connectors connectors;
    private final ProviderApis apis;
    private final ConnectionTokens connectionTokens;
    private final SyncRecorder recorder;
    private final ObjectMapper json;

    SyncRunner(
            PlatformCatalog catalog,
            Connectors connectors,
            ProviderApis apis,
            ConnectionTokens connectionTokens,
            SyncRecorder recorder,
            ObjectMapper json,
            PortalMetrics metrics) {
        this.metrics = metrics;
        this.catalog = catalog;
        this.connectors = connectors;
        this.apis = apis;
        this.connectionTokens = connectionTokens;
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

    /** What the sync needs of the connection, read in one short transaction. */
    private record Start(ConnectionStatus status, String platformKey, Tokens tokens) {}

    private record Tokens(String access, String refresh, Instant expiresAt) {
        boolean expiring(Instant now) {
            return access == null || (expiresAt != null && expiresAt.isBefore(now.plus(EXPIRY_MARGIN)));
        }
    }

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
        } catch (RuntimeException e) {
            // The job stays RUNNING; the next start-up queues it again.
            Log.errorf(e, "Could not record the end of the sync of connection %d", job.connectionId());
            return SyncOutcome.FAILED;
        }
    }

    /** Reads and fetches; says how it ended without recording anything (the recorder is the one exit). */
    private SyncRecorder.Ending sync(SyncJobs.Claimed job) {
        Start start;
        try {
            start = start(job);
        } catch (UndecryptableTokenException e) {
            // A key lost for good: the business must authorize again. A key only unknown here is a configuration
            // problem of this instance, not the business's.
            String message = "The stored tokens cannot be decrypted: " + e.getMessage();
            return e.needsReconnection()
                    ? SyncRecorder.Ending.reauthorizationRequired(message)
                    : SyncRecorder.Ending.failed(message);
        }
        if (start == null) {
            return SyncRecorder.Ending.failed("The connection no longer exists");
        }
        return sync(job, start);
    }

    private Start start(SyncJobs.Claimed job) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(job.connectionId());
            return connection == null
                    ? null
                    : new Start(
                            connection.status,
                            connection.platformKey,
                            new Tokens(
                                    connectionTokens.accessToken(connection).orElse(null),
                                    connectionTokens.refreshToken(connection).orElse(null),
                                    connection.accessTokenExpiresAt));
        });
    }

    private SyncRecorder.Ending sync(SyncJobs.Claimed job, Start start) {
        if (start.status() != ConnectionStatus.LINKED) {
            return SyncRecorder.Ending.notLinked();
        }
        Optional<Platform> platform = catalog.find(start.platformKey());
        if (platform.isEmpty()) {
            return SyncRecorder.Ending.failed("The platform " + start.platformKey() + " is no longer in the catalog");
        }
        Optional<ProviderApi> api = apis.forPlatform(platform.get());
        if (api.isEmpty()) {
            return SyncRecorder.Ending.failed("No data API for this platform");
        }
        try {
            return SyncRecorder.Ending.success(fetch(job, platform.get(), api.get(), start.tokens()));
        } catch (ReauthorizationRequired e) {
            return SyncRecorder.Ending.reauthorizationRequired(e.getMessage());
        } catch (Failure e) {
            return SyncRecorder.Ending.failed(e.getMessage());
        }
    }

    private Map<DataType, List<SyncRecorder.Item>> fetch(
            SyncJobs.Claimed job, Platform platform, ProviderApi api, Tokens tokens)
            throws ReauthorizationRequired, Failure {
        Connector connector = connectors.forPlatform(platform);
        boolean refreshed = false;
        if (tokens.expiring(Instant.now())) {
            tokens = refresh(job, connector, tokens);
            refreshed = true;
        }
        Map<DataType, List<SyncRecorder.Item>> datasets = new EnumMap<>(DataType.class);
        for (DataType type : platform.reads()) {
            List<JsonNode> records;
            try {
                records = api.fetch(platform, type, tokens.access());
            } catch (ProviderApiException e) {
                if (e.reason() != ProviderApiException.Reason.UNAUTHORIZED) {
                    throw new Failure(e.getMessage());
                }
                if (refreshed) {
                    throw new ReauthorizationRequired(e.getMessage() + " after the token was refreshed");
                }
                // Revoked or expired earlier than announced: one refresh, then one more try.
                tokens = refresh(job, connector, tokens);
                refreshed = true;
                try {
                    records = api.fetch(platform, type, tokens.access());
                } catch (ProviderApiException again) {
                    if (again.reason() == ProviderApiException.Reason.UNAUTHORIZED) {
                        throw new ReauthorizationRequired(again.getMessage() + " after the token was refreshed");
                    }
                    throw new Failure(again.getMessage());
                }
            }
            datasets.put(type, items(type, records));
        }
        return datasets;
    }

    /** Uses the refresh token and stores the rotated pair at once: the old refresh token is now spent. */
    private Tokens refresh(SyncJobs.Claimed job, Connector connector, Tokens tokens)
            throws ReauthorizationRequired, Failure {
        if (tokens.refresh() == null) {
            throw new ReauthorizationRequired("The access token expired and there is no refresh token");
        }
        TokenSet fresh;
        try {
            fresh = connector.refresh(tokens.refresh());
        } catch (ConnectorException e) {
            if (e.reason() == ConnectorException.Reason.INVALID_GRANT) {
                throw new ReauthorizationRequired("The provider refused the refresh token (invalid_grant)");
            }
            throw new Failure("Token refresh failed: " + e.getMessage());
        }
        boolean stored = QuarkusTransaction.requiringNew().call(() -> {
            // Locked, so a deauthorize that already forgot the tokens is not undone by writing new ones.
            Connection connection = Connection.findById(job.connectionId(), LockModeType.PESSIMISTIC_WRITE);
            if (connection == null || connection.status != ConnectionStatus.LINKED) {
                return false;
            }
            connectionTokens.store(connection, fresh);
            return true;
        });
        if (!stored) {
            throw new Failure("The connection was deauthorized or deleted during the sync");
        }
        Log.debugf("Access token of connection %d refreshed for its sync", job.connectionId());
        return new Tokens(
                fresh.accessToken(),
                fresh.refreshToken().orElse(tokens.refresh()),
                fresh.expiresAt().orElse(null));
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
