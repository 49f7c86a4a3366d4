package io.connectionportal.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * A connection's sync status for the dashboard (M1, M4): first and last successful sync, how the last
 * attempt ended, whether a sync is queued or running now, and when the schedule syncs it next.
 */
public record SyncSummary(
        long connectionId,
        Optional<Instant> firstSync,
        Optional<Instant> lastSync,
        Optional<SyncOutcome> lastOutcome,
        Optional<Instant> lastAttempt,
        Optional<String> lastError,
        boolean syncing,
        Optional<Instant> nextScheduledSync) {

    static SyncSummary none(long connectionId) {
        return new SyncSummary(
                connectionId,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty());
    }
}
