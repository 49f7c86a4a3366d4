package io.connectionportal.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.connectionportal.platforms.DataType;

/**
 * One run in a connection's history: trigger, start, end, outcome, error, records fetched per data type (in the data
 * types' order, as every page and the API list them).
 */
public record SyncRunView(
        long id,
        Trigger trigger,
        Instant startedAt,
        Instant endedAt,
        SyncOutcome outcome,
        Optional<String> errorMessage,
        Map<DataType, Integer> records) {

    public int totalRecords() {
        return records.values().stream().mapToInt(Integer::intValue).sum();
    }
}
