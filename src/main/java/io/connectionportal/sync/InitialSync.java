package io.connectionportal.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.connectionportal.connections.ConnectionLinked;

/** Queues the first sync as soon as a connection is linked, so the data is there when the business looks. */
@ApplicationScoped
class InitialSync {

    private final SyncJobs jobs;

    InitialSync(SyncJobs jobs) {
        this.jobs = jobs;
    }

    void onLinked(@Observes ConnectionLinked linked) {
        jobs.enqueue(linked.connectionId(), Trigger.INITIAL);
    }
}
