package io.connectionportal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.shared.PortalConfig;

/** When a connection is next synced by the schedule: the one rule behind the dashboard's date and {@link SyncScheduler}. */
final class SyncSchedule {

    private SyncSchedule() {}

    /** How long after any attempt the next scheduled one waits: the retry delay, never more than the interval. */
    static Duration retryDelay(PortalConfig.Sync sync) {
        return sync.retryAfter().compareTo(sync.interval()) < 0 ? sync.retryAfter() : sync.interval();
    }

    /**
     * The last success (or the link, before any) plus the interval, but not before the retry delay has
     * passed since the last attempt. Empty for a connection the schedule leaves alone (not LINKED).
     */
    static Optional<Instant> next(
            PortalConfig.Sync sync,
            ConnectionStatus status,
            Instant linkedAt,
            Instant lastSuccess,
            Instant lastAttempt) {
        Instant base = lastSuccess != null ? lastSuccess : linkedAt;
        if (status != ConnectionStatus.LINKED || base == null) {
            return Optional.empty();
        }
        Instant next = base.plus(sync.interval());
        if (lastAttempt != null && lastAttempt.plus(retryDelay(sync)).isAfter(next)) {
            next = lastAttempt.plus(retryDelay(sync));
        }
        return Optional.of(next);
    }
}
