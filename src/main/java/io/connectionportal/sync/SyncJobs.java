package io.connectionportal.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.hibernate.exception.ConstraintViolationException;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;

/**
 * The sync queue, kept in the database. At most one job per connection is QUEUED or RUNNING: enqueueing
 * while one is active returns that one, and the unique key on {@code active_connection_id} makes the
 * database refuse a second even when two requests race. A worker claims a job with a conditional
 * UPDATE, so two workers never run the same job. Each step is its own short transaction.
 */
@ApplicationScoped
public class SyncJobs {

    /** A job that was interrupted this many times (its process died each time) is given up, not retried forever. */
    static final int MAX_ATTEMPTS = 3;

    private static final int ENQUEUE_TRIES = 10;

    /** A job just queued ({@code alreadyActive == false}), or the one that was already queued or running. */
    public record Enqueued(long jobId, boolean alreadyActive) {}

    /** A job this process claimed and must now run to its end. */
    record Claimed(long jobId, long connectionId, long companyId, Trigger trigger, Instant startedAt) {}

    /** Names this process in the jobs it claims, so start-up recovery can tell its own jobs from a dead process's. */
    private final String instance = UUID.randomUUID().toString();

    /**
     * Queues a sync of a linked connection, or returns the sync already queued or running for it. Empty
     * when the connection does not exist or is not {@code LINKED} (a connection that needs reauthorizing,
     * or was deauthorized, is never synced). For the callback ({@link Trigger#INITIAL}) and the scheduler;
     * a request on behalf of a user goes through {@link #refresh(long, long)}, which checks the company.
     */
    public Optional<Enqueued> enqueue(long connectionId, Trigger trigger) {
        return enqueue(null, connectionId, trigger);
    }

    /** "Refresh now" (M3) for one of the company's connections: empty when it is not the company's or not linked. */
    public Optional<Enqueued> refresh(long companyId, long connectionId) {
        return enqueue(companyId, connectionId, Trigger.MANUAL);
    }

    /** A queued, running or finished sync as the API shows it: status is QUEUED, RUNNING or DONE. */
    public record JobState(
            long id,
            long connectionId,
            Trigger trigger,
            String status,
            Instant queuedAt,
            Optional<Instant> startedAt) {}

    /** One of the company's sync jobs; empty when it is not the company's (or no longer exists). */
    public Optional<JobState> job(long companyId, long jobId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> SyncJob.<SyncJob>find("id = ?1 and companyId = ?2", jobId, companyId)
                        .firstResultOptional()
                        .map(j -> new JobState(
                                j.id,
                                j.connectionId,
                                j.trigger,
                                j.status.name(),
                                j.createdAt,
                                Optional.ofNullable(j.startedAt))));
    }

    private Optional<Enqueued> enqueue(Long companyId, long connectionId, Trigger trigger) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ENQUEUE_TRIES; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> enqueueOnce(companyId, connectionId, trigger));
            } catch (RuntimeException e) {
                if (!isConstraintViolation(e)) {
                    throw e;
                }
                // Another request queued one between our look and our insert (or the connection was just
                // deleted): the next look finds it, once that request has committed, hence the short pause.
                last = e;
                pause(attempt);
            }
        }
        throw last;
    }

    private Optional<Enqueued> enqueueOnce(Long companyId, long connectionId, Trigger trigger) {
        Connection connection = Connection.findById(connectionId);
        if (connection == null
                || (companyId != null && connection.companyId != companyId)
                || connection.status != ConnectionStatus.LINKED) {
            return Optional.empty();
        }
        SyncJob active = SyncJob.find("activeConnectionId", connectionId).firstResult();
        if (active != null) {
            return Optional.of(new Enqueued(active.id, true));
        }
        SyncJob job = new SyncJob();
        job.connectionId = connectionId;
        job.companyId = connection.companyId;
        job.trigger = trigger;
        job.status = SyncJob.Status.QUEUED;
        job.activeConnectionId = connectionId;
        job.createdAt = Instant.now();
        job.persist();
        SyncJob.flush();
        Log.debugf("Sync of connection %d queued (%s), job %d", connectionId, trigger, job.id);
        return Optional.of(new Enqueued(job.id, false));
    }

    /**
     * Claims the oldest queued job created up to {@code createdUpTo}: a worker draining the queue does not
     * chase jobs queued after it started, which are left to the next poll.
     */
    Optional<Claimed> claimNext(Instant createdUpTo) {
        while (true) {
            List<Long> candidates = QuarkusTransaction.requiringNew()
                    .call(() -> SyncJob.getEntityManager()
                            .createQuery(
                                    "select j.id from SyncJob j where j.status = ?1 and j.createdAt <= ?2 order by j.createdAt, j.id",
                                    Long.class)
                            .setParameter(1, SyncJob.Status.QUEUED)
                            .setParameter(2, createdUpTo)
                            .setMaxResults(10)
                            .getResultList());
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (long id : candidates) {
                Optional<Claimed> claimed = claim(id);
                if (claimed.isPresent()) {
                    return claimed;
                }
            }
            // Every candidate went to another worker; look again.
        }
    }

    /** Only the worker whose UPDATE changes the row gets the job. */
    private Optional<Claimed> claim(long jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            int updated = SyncJob.update(
                    "status = ?1, startedAt = ?2, claimedBy = ?3, attempts = attempts + 1 "
                            + "where id = ?4 and status = ?5",
                    SyncJob.Status.RUNNING,
                    now,
                    instance,
                    jobId,
                    SyncJob.Status.QUEUED);
            if (updated == 0) {
                return Optional.<Claimed>empty();
            }
            SyncJob job = SyncJob.findById(jobId);
            return Optional.of(new Claimed(jobId, job.connectionId, job.companyId, job.trigger, now));
        });
    }

    /** Ends a job; joins the caller's transaction, which records the run in the same commit. */
    void markDone(long jobId) {
        SyncJob.update(
                "status = ?1, activeConnectionId = null, finishedAt = ?2 where id = ?3",
                SyncJob.Status.DONE,
                Instant.now(),
                jobId);
    }

    void onStart(@Observes StartupEvent event) {
        recoverInterrupted();
    }

    /**
     * Puts back in the queue every job left RUNNING by a process that is gone (a restart or a crash), so
     * it runs again; one interrupted {@value #MAX_ATTEMPTS} times is given up with a FAILED run instead.
     * Jobs this process is running are left alone. Assumes one portal process per database: a second
     * process starting would re-queue the first one's running jobs.
     *
     * @return how many jobs were queued again
     */
    int recoverInterrupted() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<SyncJob> givenUp = SyncJob.list(
                    "status = ?1 and (claimedBy is null or claimedBy <> ?2) and attempts >= ?3",
                    SyncJob.Status.RUNNING,
                    instance,
                    MAX_ATTEMPTS);
            Instant now = Instant.now();
            for (SyncJob job : givenUp) {
                SyncRun run = new SyncRun();
                run.connectionId = job.connectionId;
                run.companyId = job.companyId;
                run.trigger = job.trigger;
                run.startedAt = job.startedAt != null ? job.startedAt : now;
                run.endedAt = now;
                run.outcome = SyncOutcome.FAILED;
                run.errorMessage = "Interrupted " + job.attempts + " times; given up";
                run.persist();
                markDone(job.id);
                Log.warnf(
                        "Sync job %d of connection %d was interrupted %d times; given up",
                        job.id, job.connectionId, job.attempts);
            }
            int requeued = SyncJob.update(
                    "status = ?1, startedAt = null, claimedBy = null "
                            + "where status = ?2 and (claimedBy is null or claimedBy <> ?3)",
                    SyncJob.Status.QUEUED,
                    SyncJob.Status.RUNNING,
                    instance);
            if (requeued > 0) {
                Log.infof("%d interrupted sync job(s) queued again", requeued);
            }
            return requeued;
        });
    }

    /** Forgets finished jobs older than {@code before}: the history lives in sync_run, not here. */
    long pruneDone(Instant before) {
        return QuarkusTransaction.requiringNew()
                .call(() -> SyncJob.delete("status = ?1 and finishedAt < ?2", SyncJob.Status.DONE, before));
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * (attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
