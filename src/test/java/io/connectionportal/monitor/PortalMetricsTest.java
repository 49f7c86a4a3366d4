package io.connectionportal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Management;

/** What other features record through {@link PortalMetrics} reaches /q/metrics, with bounded tag values. */
@QuarkusTest
class PortalMetricsTest {

    @Inject
    PortalMetrics metrics;

    private static final String XERO_COUNT =
            "portal_sync_duration_seconds_count{outcome=\"succeeded\",platform=\"xero\"}";
    private static final String XERO_SUM = "portal_sync_duration_seconds_sum{outcome=\"succeeded\",platform=\"xero\"}";
    private static final String OTHER_COUNT =
            "portal_sync_duration_seconds_count{outcome=\"other\",platform=\"other\"}";
    private static final String QONTO_FAILURES = "portal_revocation_failures_total{platform=\"qonto\"}";
    private static final String QONTO_REFRESH_OUTAGES =
            "portal_token_refreshes_total{outcome=\"temporary_failure\",platform=\"qonto\"}";

    /**
     * The meters are shared by the whole test run (other tests sync and revoke too), so this compares the
     * exported values before and after its own recordings instead of expecting absolute ones.
     */
    @Test
    void syncsRevocationFailuresAndTokenRefreshesAreExported() {
        String before = Management.get("/q/metrics");
        metrics.syncFinished("xero", "SUCCEEDED", Duration.ofMillis(1500));
        metrics.syncFinished("xero", "succeeded", Duration.ofMillis(500));
        metrics.syncFinished("not-in-the-catalog", "Something went wrong: 42", Duration.ofMillis(10));
        metrics.revocationFailed("qonto");
        metrics.tokenRefreshed("qonto", "TEMPORARY_FAILURE");
        metrics.syncFinished(null, null, null);

        String exported = Management.get("/q/metrics");
        assertEquals(2.0, value(exported, XERO_COUNT) - value(before, XERO_COUNT), exported);
        assertEquals(2.0, value(exported, XERO_SUM) - value(before, XERO_SUM), 0.001);
        assertEquals(
                2.0,
                value(exported, OTHER_COUNT) - value(before, OTHER_COUNT),
                "unknown platforms and free-text outcomes do not make new series");
        assertEquals(1.0, value(exported, QONTO_FAILURES) - value(before, QONTO_FAILURES));
        assertEquals(1.0, value(exported, QONTO_REFRESH_OUTAGES) - value(before, QONTO_REFRESH_OUTAGES));
    }

    /** The value of one series in the Prometheus text, 0 while it does not exist yet. */
    private static double value(String exported, String series) {
        return exported.lines()
                .filter(line -> line.startsWith(series + " "))
                .findFirst()
                .map(line ->
                        Double.parseDouble(line.substring(series.length() + 1).strip()))
                .orElse(0.0);
    }

    @Test
    void outcomesAreShortLowerCaseWords() {
        assertEquals("reauth_required", PortalMetrics.outcome("REAUTH_REQUIRED"));
        assertEquals("other", PortalMetrics.outcome("failed: timeout"));
        assertEquals("other", PortalMetrics.outcome(""));
    }
}
