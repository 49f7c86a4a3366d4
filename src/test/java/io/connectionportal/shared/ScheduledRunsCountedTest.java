package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The annotation on a scheduled method is what makes a stopping instance wait for its run: the bean counts it. */
@QuarkusTest
class ScheduledRunsCountedTest {

    @Inject
    RunningJobs running;

    @Inject
    SlowJob job;

    @Test
    void aRunIsCountedWhileItLasts() throws Exception {
        int before = running.inFlight();
        Thread run = new Thread(job::run);
        run.start();
        assertTrue(job.awaitStarted());

        assertEquals(before + 1, running.inFlight(), "the run under way is counted");

        job.release();
        run.join(TimeUnit.MINUTES.toMillis(1));
        assertEquals(before, running.inFlight(), "and counted out once it ends");
    }

    /** Stands for a scheduled method: only its annotation matters here, so it is not scheduled. */
    @ApplicationScoped
    static class SlowJob {

        // Reached through methods: a field read through the client proxy would be the proxy's own.
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        boolean awaitStarted() throws InterruptedException {
            return started.await(1, TimeUnit.MINUTES);
        }

        void release() {
            release.countDown();
        }

        @FinishesBeforeStop
        void run() {
            started.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
