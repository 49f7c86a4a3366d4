package io.connectionportal.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.connectionportal.shared.PortalConfig;

/**
 * Requests per API key per minute, counted in fixed one-minute windows by each instance: a runaway integration slows
 * down instead of taking the portal with it. Kept in memory on purpose: a limit is a guard, not a ledger, so two
 * instances simply allow twice the rate, and no request pays a database write for it. One entry per key.
 */
@ApplicationScoped
class ApiRateLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Window(long start, int count) {}

    private final int perMinute;
    private final Clock clock;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    @Inject
    ApiRateLimit(PortalConfig config) {
        this(config.api().requestsPerMinute(), Clock.systemUTC());
    }

    ApiRateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one request of this key; when it is over the limit, how long until its window ends. */
    Optional<Duration> take(long keyId) {
        Instant now = clock.instant();
        long window = now.toEpochMilli() / WINDOW.toMillis();
        Window counted = windows.merge(
                keyId,
                new Window(window, 1),
                (old, fresh) -> old.start() == window ? new Window(window, old.count() + 1) : fresh);
        if (counted.count() <= perMinute) {
            return Optional.empty();
        }
        long endsAt = (window + 1) * WINDOW.toMillis();
        return Optional.of(Duration.ofMillis(Math.max(1000, endsAt - now.toEpochMilli())));
    }
}
