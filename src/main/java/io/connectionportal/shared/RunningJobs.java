package io.connectionportal.shared;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;

/**
 * The scheduled runs under way on this instance. At shutdown the scheduler would go on firing jobs until its own
 * bean is destroyed, after Hibernate has closed: a run caught between the two failed with "EntityManagerFactory is
 * closed", logged as an error with its stack trace, on every rolling deploy. So the shutdown starts here: no new run
 * starts, and the runs under way get {@code portal.jobs-stop-wait} to end while the database is still open.
 */
@ApplicationScoped
public class RunningJobs {

    /**
     * For shutdown observers that make long runs end sooner (the sync queue stops claiming): they come before the
     * wait. The others come after it, and hand back or flush what the runs left.
     */
    public static final int BEFORE_THE_WAIT = Interceptor.Priority.PLATFORM_BEFORE;

    private static final int THE_WAIT = BEFORE_THE_WAIT + 100;

    private final Runnable pauseScheduler;
    private final Duration stopWait;
    private final Object lock = new Object();
    private int inFlight;
    private boolean stopping;

    @Inject
    RunningJobs(Scheduler scheduler, PortalConfig config) {
        this(scheduler::pause, config.jobsStopWait());
    }

    RunningJobs(Runnable pauseScheduler, Duration stopWait) {
        this.pauseScheduler = pauseScheduler;
        this.stopWait = stopWait;
    }

    /** A run begins, unless this instance is stopping: then it must not run at all. */
    boolean enter() {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    void exit() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    /** Runs a job scheduled in code (not by annotation) under the same rule; false when it was skipped. */
    public boolean run(Runnable job) {
        if (!enter()) {
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            exit();
        }
    }

    int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    void onStop(@Observes @Priority(THE_WAIT) ShutdownEvent event) throws InterruptedException {
        int left = stop();
        if (left > 0) {
            Log.warnf(
                    "%d scheduled job(s) still running after %s; they stop with the database, and the next run"
                            + " (here after a restart, or on another instance) takes their work up",
                    left, stopWait);
        }
    }

    /** Starts no new run, waits up to the configured time for the runs under way, and says how many are left. */
    int stop() throws InterruptedException {
        synchronized (lock) {
            stopping = true;
        }
        pauseScheduler.run();
        long deadline = System.nanoTime() + stopWait.toNanos();
        synchronized (lock) {
            long left;
            while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return inFlight;
        }
    }
}
