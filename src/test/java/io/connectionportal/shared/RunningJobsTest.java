package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** A stopping instance lets its scheduled runs finish while the database is open, and starts none after. */
class RunningJobsTest {

    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean finished = new AtomicBoolean();

    @Test
    void aStopWaitsForTheRunUnderWayAndStartsNoOther() throws Exception {
        RunningJobs jobs = new RunningJobs(paused::countDown, Duration.ofMinutes(5));
        Thread run = startLongRun(jobs);

        FutureTask<Integer> stop = stopInBackground(jobs);
        assertTrue(paused.await(1, TimeUnit.MINUTES), "the scheduler is paused");
        assertFalse(jobs.run(() -> fail("a run started after the stop began")), "no run starts once stopping");
        assertFalse(stop.isDone(), "the stop waits while a run is under way");

        release.countDown();
        assertEquals(0, stop.get(1, TimeUnit.MINUTES), "no run left");
        assertTrue(finished.get(), "the run under way ended before the stop did");
        run.join();
    }

    @Test
    void aRunThatDoesNotEndInTimeIsLeftAndCounted() throws Exception {
        RunningJobs jobs = new RunningJobs(paused::countDown, Duration.ofMillis(50));
        Thread run = startLongRun(jobs);

        assertEquals(1, jobs.stop(), "the stop gives up after the wait and says one run is left");
        assertFalse(finished.get());

        release.countDown();
        run.join();
        assertEquals(0, jobs.inFlight());
    }

    @Test
    void aStopWithNothingRunningReturnsAtOnce() throws Exception {
        RunningJobs jobs = new RunningJobs(paused::countDown, Duration.ofDays(1));
        assertTrue(jobs.run(() -> finished.set(true)));

        assertEquals(0, jobs.stop());
        assertTrue(finished.get());
        assertEquals(0, paused.getCount(), "the scheduler was paused all the same");
    }

    private Thread startLongRun(RunningJobs jobs) throws InterruptedException {
        Thread run = new Thread(() -> jobs.run(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            finished.set(true);
        }));
        run.start();
        assertTrue(started.await(1, TimeUnit.MINUTES));
        return run;
    }

    private static FutureTask<Integer> stopInBackground(RunningJobs jobs) {
        FutureTask<Integer> stop = new FutureTask<>(jobs::stop);
        new Thread(stop).start();
        return stop;
    }
}
