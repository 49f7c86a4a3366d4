package io.connectionportal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.Scheduling;

/**
 * Several instances share one job table: a claimed job carries a lease its instance renews, a job whose lease ended
 * is claimed again, a stopping instance hands its jobs back. "Another instance" is a row written with another
 * {@code claimed_by}, exactly what a second portal process leaves in the table.
 */
@QuarkusTest
class SyncLeasesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    SyncJobs jobs;

    @Inject
    SyncWorker worker;

    @Inject
    SyncHistory history;

    @Inject
    Scheduler scheduler;

    private record Linked(long companyId, long connectionId, Browser browser) {}

    /** A sandbox connection linked through the real flow, its initial sync run, so no job of it is left. */
    private Linked linkAndSync(String companyName) {
        Browser browser = new Browser();
        browser.signUp(companyName);
        return linkAndSync(browser, "xero");
    }

    private Linked linkAndSync(Browser browser, String platformKey) {
        long connectionId = SandboxJourney.connect(browser, platformKey);
        long companyId =
                ((Number) Rows.single("select company_id from connection where id = ?1", connectionId)).longValue();
        jobs.enqueue(connectionId, Trigger.INITIAL);
        worker.runPending();
        Linked linked = new Linked(companyId, connectionId, browser);
        assertEquals(1, runs(linked).size());
        return linked;
    }

    private List<SyncRunView> runs(Linked linked) {
        return history.forConnection(linked.companyId(), linked.connectionId());
    }

    /** What a portal process leaves behind while it runs the sync of the connection (or after it died). */
    private static long runningElsewhere(Linked linked, String instance, Instant leaseUntil, int attempts) {
        Rows.execute(
                "insert into sync_job (connection_id, company_id, trigger_type, status, active_connection_id, created_at, "
                        + "started_at, attempts, claimed_by, lease_until) values (?1, ?2, 'SCHEDULED', 'RUNNING', ?1, "
                        + "current_timestamp, current_timestamp, ?3, ?4, ?5)",
                linked.connectionId(),
                linked.companyId(),
                attempts,
                instance,
                leaseUntil);
        return activeJob(linked);
    }

    private static long activeJob(Linked linked) {
        return ((Number) Rows.single("select id from sync_job where active_connection_id = ?1", linked.connectionId()))
                .longValue();
    }

    private static Object column(String column, long jobId) {
        return Rows.single("select " + column + " from sync_job where id = ?1", jobId);
    }

    private static Instant leaseOf(long jobId) {
        return Rows.instant("select lease_until from sync_job where id = ?1", jobId);
    }

    /** Ends another instance's job as that instance would, so nothing of this test is left running. */
    private static void finishedElsewhere(long jobId) {
        Rows.execute(
                "update sync_job set status = 'DONE', active_connection_id = null, finished_at = current_timestamp "
                        + "where id = ?1",
                jobId);
    }

    @Test
    void aJobUnderAnotherInstancesLiveLeaseIsLeftAloneThenRunOnceWhenTheLeaseEnds() {
        Linked xero = linkAndSync("Lease Live Co");
        long job = runningElsewhere(xero, "another-instance", Instant.now().plus(Duration.ofMinutes(5)), 1);

        worker.runPending();
        assertEquals(1, runs(xero).size(), "not run while another instance holds it");
        assertEquals("RUNNING", column("status", job));
        assertEquals("another-instance", column("claimed_by", job));
        assertTrue(
                jobs.refresh(xero.companyId(), xero.connectionId())
                        .orElseThrow()
                        .alreadyActive(),
                "a click gets the running job");

        // The other instance died: its lease is not renewed and ends.
        Rows.execute(
                "update sync_job set lease_until = ?1 where id = ?2",
                Instant.now().minusSeconds(1),
                job);
        worker.runPending();
        List<SyncRunView> runs = runs(xero);
        assertEquals(2, runs.size(), "claimed again and run");
        assertEquals(SyncOutcome.SUCCESS, runs.get(0).outcome());
        assertEquals(Trigger.SCHEDULED, runs.get(0).trigger());
        assertEquals("DONE", column("status", job));
        assertEquals(2, ((Number) column("attempts", job)).intValue(), "claimed a second time");

        worker.runPending();
        assertEquals(2, runs(xero).size(), "and run exactly once");
    }

    @Test
    void aRunningJobLeftWithoutALeaseByAnEarlierVersionIsRunAgain() {
        Linked xero = linkAndSync("Lease Upgrade Co");
        long job = runningElsewhere(xero, "a-process-before-leases", null, 1);

        worker.runPending();
        assertEquals(2, runs(xero).size());
        assertEquals("DONE", column("status", job));
    }

    @Test
    void renewalExtendsTheLeaseOfThisInstancesJobsOnly() {
        Linked xero = linkAndSync("Lease Renewal Co");
        Linked qonto = linkAndSync(xero.browser(), "qonto");
        long ours = jobs.refresh(xero.companyId(), xero.connectionId())
                .orElseThrow()
                .jobId();
        assertTrue(jobs.claim(ours).isPresent(), "claimed here, as the worker does before it runs the sync");
        Instant soon = Instant.now().plusSeconds(2);
        Rows.execute("update sync_job set lease_until = ?1 where id = ?2", soon, ours);
        long theirs = runningElsewhere(qonto, "another-instance", soon, 1);

        assertTrue(jobs.renewLeases() >= 1);
        assertTrue(
                leaseOf(ours).isAfter(Instant.now().plusSeconds(30)),
                "renewed for portal.sync.lease (60 s): " + leaseOf(ours));
        assertEquals(soon.toEpochMilli(), leaseOf(theirs).toEpochMilli(), "another instance's lease is its own");

        // Done with it without recording an end (as when the database was lost): the lease ends and it runs again.
        jobs.release(ours);
        assertFalse(leaseOf(ours).isAfter(Instant.now()));
        worker.runPending();
        assertEquals(2, runs(xero).size());
        assertEquals(2, ((Number) column("attempts", ours)).intValue());
        assertEquals(0, jobs.renewLeases(), "nothing held any more");
        finishedElsewhere(theirs);
    }

    @Test
    void aStoppingInstanceHandsBackOnlyItsOwnJobs() {
        Linked xero = linkAndSync("Lease Handback Co");
        Linked qonto = linkAndSync(xero.browser(), "qonto");
        long ours = jobs.refresh(xero.companyId(), xero.connectionId())
                .orElseThrow()
                .jobId();
        assertTrue(jobs.claim(ours).isPresent());
        long theirs = runningElsewhere(qonto, "another-instance", Instant.now().plus(Duration.ofMinutes(5)), 1);

        assertTrue(jobs.handBack() >= 1);
        assertEquals("QUEUED", column("status", ours));
        assertEquals(null, column("claimed_by", ours));
        assertEquals(null, column("lease_until", ours));
        assertEquals(0, ((Number) column("attempts", ours)).intValue(), "a stop is not the job's fault");
        assertEquals("RUNNING", column("status", theirs));
        assertEquals("another-instance", column("claimed_by", theirs));

        // The sync this instance was still running can no longer record its end: the job is not its own any more.
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                jobs.markDone(ours);
                fail("a handed-back job was ended by its former holder");
            } catch (SyncJobs.LeaseLost expected) {
                // the run that counts is the next one
            }
        });

        worker.runPending();
        assertEquals(2, runs(xero).size(), "taken at once by a worker");
        assertEquals(1, runs(qonto).size(), "still the other instance's");
        finishedElsewhere(theirs);
    }

    @Test
    void aJobWhoseLeaseEndedAgainAndAgainIsGivenUpWithAFailedRun() {
        Linked xero = linkAndSync("Lease Poison Co");
        long job = runningElsewhere(xero, "a-process-that-died", Instant.now().minusSeconds(1), SyncJobs.MAX_ATTEMPTS);

        worker.runPending();
        List<SyncRunView> runs = runs(xero);
        assertEquals(2, runs.size(), "one failed run recorded, no sync run");
        assertEquals(SyncOutcome.FAILED, runs.get(0).outcome());
        assertEquals(Trigger.SCHEDULED, runs.get(0).trigger());
        assertEquals(
                "Interrupted " + SyncJobs.MAX_ATTEMPTS + " times; given up",
                runs.get(0).errorMessage().orElseThrow());
        assertEquals("DONE", column("status", job));
        assertFalse(
                jobs.refresh(xero.companyId(), xero.connectionId())
                        .orElseThrow()
                        .alreadyActive(),
                "the connection can sync again");
        worker.runPending();
        assertEquals(SyncOutcome.SUCCESS, runs(xero).get(0).outcome());
    }

    @Test
    void aDueConnectionSyncedSinceTheScheduleLookedIsNotQueuedAgain() {
        Instant checkedAt = Instant.now();
        // Its sync ends after the check began, as when another instance's schedule queued and ran it meanwhile.
        Linked xero = linkAndSync("Lease Schedule Co");
        assertTrue(jobs.enqueueScheduled(xero.connectionId(), checkedAt).isEmpty());
        assertEquals(0, Rows.count("sync_job", "connection_id = ?1 and status <> 'DONE'", xero.connectionId()));

        assertTrue(jobs.enqueueScheduled(xero.connectionId(), Instant.now()).isPresent(), "a later check queues it");
        worker.runPending();
        assertEquals(2, runs(xero).size());
    }

    @Test
    void aJobQueuedHereStartsWithoutWaitingForThePoll() {
        Browser browser = new Browser();
        browser.signUp("Lease Wake Up Co");
        long connectionId = SandboxJourney.connect(browser, "xero");
        long companyId =
                ((Number) Rows.single("select company_id from connection where id = ?1", connectionId)).longValue();
        worker.runPending();
        Linked xero = new Linked(companyId, connectionId, browser);
        // The scheduler runs, but the poll stays paused: only the wake-up of the click can start the sync.
        try (Scheduling running = Scheduling.only(scheduler, SyncWorker.RENEWAL)) {
            assertTrue(scheduler.isPaused(SyncWorker.IDENTITY));
            assertFalse(jobs.refresh(companyId, connectionId).orElseThrow().alreadyActive());
            Instant deadline = Instant.now().plus(PATIENCE);
            while (runs(xero).size() < 2) {
                assertTrue(Instant.now().isBefore(deadline), "the queued sync was not started");
                sleep(20);
            }
        }
        assertEquals(Trigger.MANUAL, runs(xero).get(0).trigger());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }
}
