package io.connectionportal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.shared.PortalConfig;

/** The rule for the next scheduled sync, and how records are keyed; no Quarkus needed. */
class SyncScheduleTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private static final PortalConfig.Sync DAILY = new PortalConfig.Sync() {
        @Override
        public Duration interval() {
            return Duration.ofHours(24);
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration retryAfter() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration lease() {
            return Duration.ofSeconds(60);
        }
    };

    @Test
    void nextSyncIsTheLastSuccessPlusTheInterval() {
        assertEquals(
                Optional.of(T.plus(Duration.ofHours(24))),
                SyncSchedule.next(DAILY, ConnectionStatus.LINKED, T.minus(Duration.ofDays(9)), T, T));
    }

    @Test
    void beforeAnySuccessItCountsFromTheLink() {
        assertEquals(
                Optional.of(T.plus(Duration.ofHours(24))),
                SyncSchedule.next(DAILY, ConnectionStatus.LINKED, T, null, null));
    }

    @Test
    void aRecentFailureWaitsTheRetryDelay() {
        Instant failed = T.plus(Duration.ofHours(30));
        assertEquals(
                Optional.of(failed.plus(Duration.ofHours(1))),
                SyncSchedule.next(DAILY, ConnectionStatus.LINKED, T, T, failed));
    }

    @Test
    void onlyLinkedConnectionsAreScheduled() {
        for (ConnectionStatus status : ConnectionStatus.values()) {
            assertEquals(
                    status == ConnectionStatus.LINKED,
                    SyncSchedule.next(DAILY, status, T, T, T).isPresent(),
                    status.name());
        }
    }

    @Test
    void recordsAreKeyedByTheirOwnIdOrTheirPosition() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("inv_1", SyncRunner.externalId(json.readTree("{\"id\":\"inv_1\"}"), 3));
        assertEquals("42", SyncRunner.externalId(json.readTree("{\"id\":42}"), 3));
        assertEquals("#3", SyncRunner.externalId(json.readTree("{\"name\":\"no id\"}"), 3));
        String longId = SyncRunner.externalId(json.readTree("{\"id\":\"" + "x".repeat(150) + "\"}"), 0);
        assertTrue(longId.startsWith("sha256:") && longId.length() <= 100, longId);
    }
}
