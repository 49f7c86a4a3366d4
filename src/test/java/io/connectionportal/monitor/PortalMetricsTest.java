package io.connectionportal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.quarkus.test.junit.QuarkusTest;

/** What other features record through {@link PortalMetrics} reaches /q/metrics, with bounded tag values. */
@QuarkusTest
class PortalMetricsTest {

    @Inject
    PortalMetrics metrics;

    @Test
    void syncsAndRevocationFailuresAreExported() {
        metrics.syncFinished("xero", "SUCCEEDED", Duration.ofMillis(1500));
        metrics.syncFinished("xero", "succeeded", Duration.ofMillis(500));
        metrics.syncFinished("not-in-the-catalog", "Something went wrong: 42", Duration.ofMillis(10));
        metrics.revocationFailed("qonto");
        metrics.syncFinished(null, null, null);

        String exported = new Browser().get("/q/metrics").body().asString();
        assertTrue(exported.contains("portal_sync_duration_seconds_count{outcome=\"succeeded\",platform=\"xero\"} 2.0"), exported);
        assertTrue(exported.contains("portal_sync_duration_seconds_sum{outcome=\"succeeded\",platform=\"xero\"} 2.0"));
        assertTrue(exported.contains("portal_sync_duration_seconds_count{outcome=\"other\",platform=\"other\"} 2.0"),
                "unknown platforms and free-text outcomes do not make new series");
        assertTrue(exported.contains("portal_revocation_failures_total{platform=\"qonto\"} 1.0"));
    }

    @Test
    void outcomesAreShortLowerCaseWords() {
        assertEquals("reauth_required", PortalMetrics.outcome("REAUTH_REQUIRED"));
        assertEquals("other", PortalMetrics.outcome("failed: timeout"));
        assertEquals("other", PortalMetrics.outcome(""));
    }
}
