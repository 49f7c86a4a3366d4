package io.connectionportal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.RunningJobs;

/**
 * Runs queued syncs off the request thread, one job after another (the provider calls are what takes time, and two
 * cores gain little from running many at once). A job queued on this instance wakes the worker at once; the poll every
 * {@code portal.sync.poll-interval} finds those queued by other instances and those whose instance died. Never two
 * runs of the queue at the same time on one instance. While a sync runs, its lease is renewed every third of
 * {@code portal.sync.lease}.
 */
@ApplicationScoped
public class SyncWorker {

    /** The identity of the polling job, for {@code Scheduler.pause(...)}. */
    static final String IDENTITY = "sync-worker";

    /** The identity of the lease renewal, scheduled at start-up with an interval derived from the lease. */
    static final String RENEWAL = "sync-lease-renewal";

    private final SyncJobs jobs;
    private final SyncRunner runner;
    private final Scheduler scheduler;
    private final PortalConfig portal;
    private final RunningJobs running;

    /** Held while the queue is run on this instance. */
    private final ReentrantLock draining = new ReentrantLock();

    /** Asks the run under way to look at the queue once more before it stops. */
    private final AtomicBoolean again = new AtomicBoolean();

    /** A wake-up is waiting for the thread below, so a burst of clicks makes one. */
    private final AtomicBoolean wakeUpWaiting = new AtomicBoolean();

    private final ExecutorService wakeUps;

    SyncWorker(SyncJobs jobs, SyncRunner runner, Scheduler scheduler, PortalConfig portal, RunningJobs running) {
        this.jobs = jobs;
        this.runner = runner;
        this.scheduler = scheduler;
        this.portal = portal;
        this.running = running;
        this.wakeUps = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sync-wake-up");
            thread.setDaemon(true);
            return thread;
        });
    }

    void onStart(@Observes StartupEvent event) {
        Duration every = portal.sync().lease().dividedBy(3);
        scheduler
                .newJob(RENEWAL)
                .setInterval(every.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> running.run(jobs::renewLeases))
                .schedule();
    }

    @PreDestroy
    void stop() {
        wakeUps.shutdownNow();
    }

    // The default is PortalConfig.Sync#pollInterval's, which the configuration knows without repeating it here.
    @FinishesBeforeStop
    @Scheduled(
            identity = IDENTITY,
            every = "${portal.sync.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        runSoon();
    }

    /**
     * A job was queued here: run the queue now on the worker's own thread, unless the scheduler is halted (the test
     * profile halts it, and tests run the queue themselves).
     */
    void onQueued(@Observes SyncQueued queued) {
        if (!scheduler.isRunning() || !wakeUpWaiting.compareAndSet(false, true)) {
            return;
        }
        try {
            wakeUps.execute(() -> {
                wakeUpWaiting.set(false);
                try {
                    running.run(this::runSoon);
                } catch (RuntimeException e) {
                    Log.warnf("Queued syncs could not be run now (%s); the next poll tries again", e.toString());
                }
            });
        } catch (RejectedExecutionException stopping) {
            wakeUpWaiting.set(false);
        }
    }

    /** Runs the queue, or, when a run is under way here, asks it to look once more; never waits for it. */
    private void runSoon() {
        again.set(true);
        while (again.get() && draining.tryLock()) {
            try {
                again.set(false);
                runQueue();
            } finally {
                draining.unlock();
            }
        }
    }

    /**
     * Runs the jobs queued so far until none is left, after the run under way here if there is one; returns how many
     * this call ran. For tests, which run the queue themselves.
     */
    public int runPending() {
        draining.lock();
        try {
            return runQueue();
        } finally {
            draining.unlock();
            if (again.get()) {
                runSoon();
            }
        }
    }

    private int runQueue() {
        jobs.giveUpAbandoned();
        Instant startedAt = Instant.now();
        int ran = 0;
        Optional<SyncJobs.Claimed> job;
        while ((job = jobs.claimNext(startedAt)).isPresent()) {
            try {
                runner.run(job.get());
            } finally {
                jobs.release(job.get().jobId());
            }
            ran++;
        }
        return ran;
    }
}
