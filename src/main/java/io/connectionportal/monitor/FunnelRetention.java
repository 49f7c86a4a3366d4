package io.connectionportal.monitor;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.PortalConfig;

/**
 * Removes raw funnel events past {@code portal.retention.funnel-events}. The monitor reads only the daily counts
 * ({@code funnel_daily}) and the milestones, which stay; the raw rows are kept only to recount a day if ever needed.
 * Deleting is idempotent, so every instance may run it; batches keep each transaction short.
 */
@ApplicationScoped
class FunnelRetention {

    static final int BATCH = 5_000;

    private final PortalConfig config;

    FunnelRetention(PortalConfig config) {
        this.config = config;
    }

    @FinishesBeforeStop
    @Scheduled(
            identity = "funnel-retention",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long removed = purge(Instant.now());
        if (removed > 0) {
            Log.infof("Retention purge removed %d raw funnel events", removed);
        }
    }

    long purge(Instant now) {
        Instant cutoff = now.minus(config.retention().funnelEvents());
        long total = 0;
        int removed;
        do {
            removed = QuarkusTransaction.requiringNew()
                    .call(() -> FunnelEvent.getEntityManager()
                            .createNativeQuery("delete from funnel_event where id in"
                                    + " (select id from funnel_event where occurred_at < ?1 order by id limit " + BATCH
                                    + ")")
                            .setParameter(1, cutoff)
                            .executeUpdate());
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
