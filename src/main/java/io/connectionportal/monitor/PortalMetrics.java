package io.connectionportal.monitor;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;

import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.PlatformCatalog;

/**
 * The portal's own metrics, exported by Micrometer at {@code /q/metrics} in the Prometheus format.
 * Every tag value is bounded: platforms are catalog keys (anything else is {@code other}),
 * categories and steps are enums, outcomes are short lower-case words. Recording a metric never
 * throws.
 *
 * <ul>
 * <li>{@code portal_funnel_events_total{step,category,platform}}: funnel steps (see {@link FunnelEvents});</li>
 * <li>{@code portal_sync_duration_seconds{platform,outcome}}: a timer per finished sync, which also counts them;</li>
 * <li>{@code portal_revocation_failures_total{platform}}: token revocations the provider did not confirm.</li>
 * </ul>
 */
@ApplicationScoped
public class PortalMetrics {

    static final String NONE = "none";
    static final String OTHER = "other";
    private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final MeterRegistry registry;
    private final PlatformCatalog catalog;

    PortalMetrics(MeterRegistry registry, PlatformCatalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    /**
     * A sync of one connection finished, successfully or not. {@code outcome} should come from a fixed
     * set, e.g. the name of an enum constant ({@code succeeded}, {@code failed}, {@code reauth_required});
     * it is lower-cased, and anything that is not a short word is counted as {@code other}.
     */
    public void syncFinished(String platformKey, String outcome, Duration duration) {
        try {
            Timer.builder("portal.sync.duration")
                    .description("Duration of connection syncs, by platform and outcome")
                    .tag("platform", platform(platformKey))
                    .tag("outcome", outcome(outcome))
                    .register(registry)
                    .record(duration == null || duration.isNegative() ? Duration.ZERO : duration);
        } catch (RuntimeException e) {
            Log.warnf("Could not record the sync metric: %s", e.toString());
        }
    }

    /**
     * A connection's access token refresh ended (the scheduled job or a sync): {@code outcome} is the name of a
     * {@code TokenRefresh.Kind}, e.g. {@code REFRESHED}, {@code TEMPORARY_FAILURE}, {@code REAUTHORIZATION_REQUIRED}.
     */
    public void tokenRefreshed(String platformKey, String outcome) {
        try {
            registry.counter("portal.token.refreshes", "platform", platform(platformKey), "outcome", outcome(outcome))
                    .increment();
        } catch (RuntimeException e) {
            Log.warnf("Could not record the token refresh metric: %s", e.toString());
        }
    }

    /** The provider did not confirm that a connection's tokens were revoked (RFC 7009). */
    public void revocationFailed(String platformKey) {
        try {
            registry.counter("portal.revocation.failures", "platform", platform(platformKey))
                    .increment();
        } catch (RuntimeException e) {
            Log.warnf("Could not record the revocation metric: %s", e.toString());
        }
    }

    /** Called by {@link FunnelEvents} for every step recorded. */
    void funnelStep(FunnelStep step, Category category, String platformKey) {
        try {
            registry.counter(
                            "portal.funnel.events",
                            "step",
                            step.key(),
                            "category",
                            category == null ? NONE : category.key(),
                            "platform",
                            platformKey == null ? NONE : platform(platformKey))
                    .increment();
        } catch (RuntimeException e) {
            Log.warnf("Could not record the funnel metric: %s", e.toString());
        }
    }

    private String platform(String key) {
        return key != null && catalog.find(key).isPresent() ? key : OTHER;
    }

    static String outcome(String outcome) {
        String value = outcome == null ? "" : outcome.strip().toLowerCase(Locale.ROOT);
        return OUTCOME.matcher(value).matches() ? value : OTHER;
    }
}
