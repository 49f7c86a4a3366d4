package io.connectionportal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The per-key limit: so many requests a minute, then a wait until the minute ends; keys are counted apart. */
class ApiRateLimitTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:15Z");

    @Test
    void aKeyOverItsLimitWaitsForTheNextMinute() {
        ApiRateLimit limit = new ApiRateLimit(3, Clock.fixed(START, ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limit.take(1));
        }
        Optional<Duration> wait = limit.take(1);
        assertTrue(wait.isPresent(), "the fourth request of the minute is refused");
        assertEquals(Duration.ofSeconds(45), wait.get(), "until 10:01:00");
        assertEquals(Optional.empty(), limit.take(2), "another key has its own count");
    }

    @Test
    void theCountStartsAgainEachMinute() {
        MutableClock clock = new MutableClock(START);
        ApiRateLimit limit = new ApiRateLimit(1, clock);
        assertEquals(Optional.empty(), limit.take(7));
        assertTrue(limit.take(7).isPresent());
        clock.now = START.plusSeconds(45);
        assertEquals(Optional.empty(), limit.take(7), "a new minute");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
