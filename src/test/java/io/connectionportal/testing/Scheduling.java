package io.connectionportal.testing;

import java.util.List;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;

/**
 * The scheduler starts paused in the test profile ({@code quarkus.scheduler.start-mode=halted}): tests run
 * scheduled work themselves. A test about the real timing resumes one job with {@link #only} and pauses the
 * scheduler again on {@link #close()}.
 */
public final class Scheduling implements AutoCloseable {

    private final Scheduler scheduler;
    private final List<String> others;

    private Scheduling(Scheduler scheduler, List<String> others) {
        this.scheduler = scheduler;
        this.others = others;
    }

    /** Runs the scheduler with only the job {@code identity}: every other job stays paused. */
    public static Scheduling only(Scheduler scheduler, String identity) {
        List<String> others = scheduler.getScheduledJobs().stream()
                .map(Trigger::getId)
                .filter(id -> !id.equals(identity))
                .toList();
        others.forEach(scheduler::pause);
        scheduler.resume();
        return new Scheduling(scheduler, others);
    }

    @Override
    public void close() {
        scheduler.pause();
        others.forEach(scheduler::resume);
    }
}
