package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.connectionportal.shared.RetryAfter;

/** A provider's Retry-After is read as seconds or as an HTTP date (RFC 9110 §10.2.3); nonsense counts as none. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void secondsAndHttpDatesAreReadAndNonsenseOrThePastIsIgnored() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(Optional.of("120"), NOW));
        assertEquals(
                Optional.of(Duration.ofMinutes(5)),
                RetryAfter.parse(Optional.of("Tue, 01 Dec 2026 10:05:00 GMT"), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("Tue, 01 Dec 2026 09:00:00 GMT"), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("soon"), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("-5"), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.empty(), NOW));
    }
}
