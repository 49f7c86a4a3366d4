package io.connectionportal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.platforms.Category;
import io.connectionportal.testing.Rows;

/** Raw funnel events go after 90 days; the daily counts the monitor shows stay. */
@QuarkusTest
class FunnelRetentionTest {

    @Inject
    FunnelEvents funnel;

    @Inject
    FunnelRetention retention;

    @Test
    void rawEventsPastTheirRetentionAreRemovedAndTheDailyCountsKept() {
        Instant now = Instant.now();
        // A platform key of its own, so events of other tests never mix with these.
        String platform = "retention-" + now.toEpochMilli();
        Instant old = now.minus(Duration.ofDays(91));
        Instant recent = now.minus(Duration.ofDays(89));
        for (int i = 0; i < 3; i++) {
            funnel.record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, platform, null, old);
        }
        funnel.record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, platform, null, recent);

        assertTrue(retention.purge(now) >= 3);

        assertEquals(
                0,
                Rows.count(
                        "funnel_event",
                        "platform = ?1 and occurred_at < ?2",
                        platform,
                        now.minus(Duration.ofDays(90)).atOffset(ZoneOffset.UTC)));
        assertEquals(1, Rows.count("funnel_event", "platform = ?1", platform), "the recent event stays");
        assertEquals(
                3L,
                ((Number) Rows.single(
                                "select events from funnel_daily where platform = ?1 and event_day = ?2",
                                platform,
                                LocalDate.ofInstant(old, ZoneOffset.UTC)))
                        .longValue(),
                "the day's count outlives its raw events");
    }
}
