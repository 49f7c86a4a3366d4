package io.connectionportal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.PortalConfig;

/**
 * The scheduled refresh: once a minute, every {@code LINKED} connection whose last successful sync is
 * older than {@code portal.sync.interval} gets a SCHEDULED job. A connection that needs reauthorizing,
 * was deauthorized or is still pending is never scheduled; one whose last attempt failed waits
 * {@code portal.sync.retry-after} before the next, so a provider that is down is not hammered. A
 * platform without a data API client ({@link ProviderApis}) is not scheduled either. Every instance runs the check;
 * a connection is queued once, since one sync is active per connection and one that ended since the check is not
 * queued again.
 */
@ApplicationScoped
class SyncScheduler {

    /** Finished jobs are only bookkeeping; the history is in sync_run. */
    private static final Duration KEEP_DONE_JOBS = Duration.ofDays(7);

    private final SyncJobs jobs;
    private final ProviderApis apis;
    private final PortalConfig portal;

    SyncScheduler(SyncJobs jobs, ProviderApis apis, PortalConfig portal) {
        this.jobs = jobs;
        this.apis = apis;
        this.portal = portal;
    }

    @FinishesBeforeStop
    @Scheduled(
            identity = "sync-scheduler",
            every = "1m",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        enqueueDue();
        jobs.pruneDone(Instant.now().minus(KEEP_DONE_JOBS));
    }

    /** Queues a sync for every connection that is due; returns their ids. */
    List<Long> enqueueDue() {
        Instant now = Instant.now();
        List<Object[]> due = QuarkusTransaction.requiringNew()
                .call(() -> Connection.getEntityManager()
                        .createQuery("""
                select c.id, c.platformKey, c.sandbox from Connection c
                where c.status = :linked
                  and not exists (select j.id from SyncJob j where j.activeConnectionId = c.id)
                  and coalesce((select max(r.endedAt) from SyncRun r
                                where r.connectionId = c.id and r.outcome = :success), c.linkedAt) <= :dueBefore
                  and not exists (select r.id from SyncRun r where r.connectionId = c.id and r.endedAt > :triedAfter)
                order by c.id""", Object[].class)
                        .setParameter("linked", ConnectionStatus.LINKED)
                        .setParameter("success", SyncOutcome.SUCCESS)
                        .setParameter("dueBefore", now.minus(portal.sync().interval()))
                        .setParameter("triedAfter", now.minus(SyncSchedule.retryDelay(portal.sync())))
                        .getResultList());
        List<Long> queued = new ArrayList<>();
        for (Object[] connection : due) {
            long connectionId = (Long) connection[0];
            if (apis.readable((String) connection[1], (Boolean) connection[2])) {
                jobs.enqueueScheduled(connectionId, now).ifPresent(job -> queued.add(connectionId));
            }
        }
        if (!queued.isEmpty()) {
            Log.infof("Scheduled syncs queued for %d connection(s)", queued.size());
        }
        return queued;
    }
}
