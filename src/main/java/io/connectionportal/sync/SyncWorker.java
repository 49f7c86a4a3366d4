package io.connectionportal.sync;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Runs queued syncs off the request thread: polls the job table every {@code portal.sync.poll-interval}
 * and runs what it claims, one job after another (the provider calls are what takes time, and two
 * cores gain little from running many at once). Never two polls at the same time.
 */
@ApplicationScoped
public class SyncWorker {

    /** The identity of the polling job, for {@code Scheduler.pause(...)}. */
    static final String IDENTITY = "sync-worker";

    private final SyncJobs jobs;
    private final SyncRunner runner;

    SyncWorker(SyncJobs jobs, SyncRunner runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    // The default is PortalConfig.Sync#pollInterval's, which the configuration knows without repeating it here.
    @Scheduled(
            identity = IDENTITY,
            every = "${portal.sync.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        runPending();
    }

    /** Runs the jobs queued so far until none is left; returns how many this call ran. */
    public int runPending() {
        Instant startedAt = Instant.now();
        int ran = 0;
        Optional<SyncJobs.Claimed> job;
        while ((job = jobs.claimNext(startedAt)).isPresent()) {
            runner.run(job.get());
            ran++;
        }
        return ran;
    }
}
