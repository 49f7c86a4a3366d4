package io.connectionportal.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import org.hibernate.exception.ConstraintViolationException;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.RunningJobs;

/**
 * The sync queue, kept in the database and shared by every instance. At most one job per connection is QUEUED or
 * RUNNING: enqueueing while one is active returns that one, and the unique key on {@code active_connection_id} makes
 * the database refuse a second even when two requests race. A worker claims a job with a conditional UPDATE and a
 * lease it renews while the sync runs, so two workers never run the same job, and a job whose instance died is
 * claimed again once its lease ends. Each step is its own short transaction.
 */
@ApplicationScoped
public class SyncJobs {

    /** A job claimed this many times whose lease ended each time (its instance died) is given up, not retried forever. */
    static final int MAX_ATTEMPTS = 3;

    private static final int ENQUEUE_TRIES = 10;

    /** A job just queued ({@code alreadyActive == false}), or the one that was already queued or running. */
    public record Enqueued(long jobId, boolean alreadyActive) {}

    /** A job this process claimed and must now run to its end. */
    record Claimed(long jobId, long connectionId, long companyId, Trigger trigger, Instant startedAt) {}

    /** Names this process in the jobs it claims: a lease is renewed, and a job handed back, only by its holder. */
    private final String instance = UUID.randomUUID().toString();

    /** The jobs this instance's worker is running, whose leases it renews. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    /** Set at shutdown: nothing more is claimed here. */
    private volatile boolean stopping;

    private final PortalConfig portal;
    private final Event<SyncQueued> queued;
    private final Event<SyncFinished> finished;

    SyncJobs(PortalConfig portal, Event<SyncQueued> queued, Event<SyncFinished> finished) {
        this.portal = portal;
        this.queued = queued;
        this.finished = finished;
    }

    /**
     * Queues a sync of a linked connection, or returns the sync already queued or running for it. Empty
     * when the connection does not exist or is not {@code LINKED} (a connection that needs reauthorizing,
     * or was deauthorized, is never synced). For the callback ({@link Trigger#INITIAL}) and the scheduler;
     * a request on behalf of a user goes through {@link #refresh(long, long)}, which checks the company.
     */
    public Optional<Enqueued> enqueue(long connectionId, Trigger trigger) {
        return enqueue(null, connectionId, trigger, null);
    }

    /** "Refresh now" (M3) for one of the company's connections: empty when it is not the company's or not linked. */
    public Optional<Enqueued> refresh(long companyId, long connectionId) {
        return enqueue(companyId, connectionId, Trigger.MANUAL, null);
    }

    /**
     * The schedule's sync of a connection found due at {@code checkedAt}; empty when a sync has ended since (another
     * instance's schedule queued and ran it in between), so several instances sync a due connection once.
     */
    Optional<Enqueued> enqueueScheduled(long connectionId, Instant checkedAt) {
        return enqueue(null, connectionId, Trigger.SCHEDULED, checkedAt);
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

    private Optional<Enqueued> enqueue(Long companyId, long connectionId, Trigger trigger, Instant noRunSince) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ENQUEUE_TRIES; attempt++) {
            try {
                Optional<Enqueued> enqueued = QuarkusTransaction.requiringNew()
                        .call(() -> enqueueOnce(companyId, connectionId, trigger, noRunSince));
                if (enqueued.isPresent() && !enqueued.get().alreadyActive()) {
                    // Committed: this instance's worker may start it now rather than at its next poll.
                    queued.fire(new SyncQueued(enqueued.get().jobId()));
                }
                return enqueued;
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

    private Optional<Enqueued> enqueueOnce(Long companyId, long connectionId, Trigger trigger, Instant noRunSince) {
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
        // Read after the job: a job ends in the commit that records its run, so one of the two reads sees it.
        if (noRunSince != null && SyncRun.count("connectionId = ?1 and endedAt >= ?2", connectionId, noRunSince) > 0) {
            return Optional.empty();
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
     * Claims the oldest job created up to {@code createdUpTo} that is queued, or running under a lease that has ended
     * (its instance died): a worker draining the queue does not chase jobs queued after it started, which are left to
     * the next poll. Empty once this instance is stopping.
     */
    Optional<Claimed> claimNext(Instant createdUpTo) {
        while (!stopping) {
            Instant now = Instant.now();
            List<Long> candidates = QuarkusTransaction.requiringNew()
                    .call(() -> SyncJob.getEntityManager()
                            .createQuery(
                                    "select j.id from SyncJob j where j.createdAt <= ?1 and (j.status = ?2 or (j.status = ?3"
                                            + " and (j.leaseUntil is null or j.leaseUntil < ?4) and j.attempts < ?5))"
                                            + " order by j.createdAt, j.id",
                                    Long.class)
                            .setParameter(1, createdUpTo)
                            .setParameter(2, SyncJob.Status.QUEUED)
                            .setParameter(3, SyncJob.Status.RUNNING)
                            .setParameter(4, now)
                            .setParameter(5, MAX_ATTEMPTS)
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
        return Optional.empty();
    }

    /** Only the worker whose UPDATE changes the row gets the job, with a lease of {@code portal.sync.lease}. */
    Optional<Claimed> claim(long jobId) {
        Optional<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            int updated = SyncJob.update(
                    "status = ?1, startedAt = ?2, claimedBy = ?3, leaseUntil = ?4, attempts = attempts + 1 "
                            + "where id = ?5 and (status = ?6 or (status = ?1 and (leaseUntil is null or leaseUntil < ?2)"
                            + " and attempts < ?7))",
                    SyncJob.Status.RUNNING,
                    now,
                    instance,
                    now.plus(portal.sync().lease()),
                    jobId,
                    SyncJob.Status.QUEUED,
                    MAX_ATTEMPTS);
            if (updated == 0) {
                return Optional.<Claimed>empty();
            }
            SyncJob job = SyncJob.findById(jobId);
            if (job.attempts > 1) {
                Log.infof(
                        "Sync job %d of connection %d claimed again (attempt %d)",
                        jobId, job.connectionId, job.attempts);
            }
            return Optional.of(new Claimed(jobId, job.connectionId, job.companyId, job.trigger, now));
        });
        claimed.ifPresent(job -> held.add(job.jobId()));
        return claimed;
    }

    /**
     * Ends a job; joins the caller's transaction, which records the run in the same commit. Refuses, rolling that
     * transaction back, when this instance no longer holds the job (its lease ended and another instance took it, or
     * it was handed back at shutdown): the run that counts is the other one.
     */
    void markDone(long jobId) {
        int updated = SyncJob.update(
                "status = ?1, activeConnectionId = null, finishedAt = ?2, leaseUntil = null "
                        + "where id = ?3 and status = ?4 and claimedBy = ?5",
                SyncJob.Status.DONE,
                Instant.now(),
                jobId,
                SyncJob.Status.RUNNING,
                instance);
        if (updated == 0) {
            throw new LeaseLost(jobId);
        }
    }

    /** This instance no longer holds a job it ran: what it fetched is not stored. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(long jobId) {
            super(
                    "Sync job " + jobId + " is no longer held by this instance; its result is not recorded",
                    null,
                    false,
                    false);
        }
    }

    /**
     * Extends the lease of every job this instance's worker is running; the worker renews every third of
     * {@code portal.sync.lease}, so a lease only ends when the instance is gone (or cannot reach the database).
     *
     * @return how many leases were extended
     */
    int renewLeases() {
        if (held.isEmpty()) {
            return 0;
        }
        List<Long> ids = List.copyOf(held);
        return QuarkusTransaction.requiringNew()
                .call(() -> SyncJob.update(
                        "leaseUntil = ?1 where id in ?2 and claimedBy = ?3 and status = ?4",
                        Instant.now().plus(portal.sync().lease()),
                        ids,
                        instance,
                        SyncJob.Status.RUNNING));
    }

    /**
     * The worker is done with a job. Normally its end is recorded and the job DONE; when recording failed (the database
     * was lost), the lease is ended at once so the job is claimed again, counting an attempt, instead of waiting.
     */
    void release(long jobId) {
        held.remove(jobId);
        try {
            int ended = QuarkusTransaction.requiringNew()
                    .call(() -> SyncJob.update(
                            "leaseUntil = ?1 where id = ?2 and claimedBy = ?3 and status = ?4",
                            Instant.now(),
                            jobId,
                            instance,
                            SyncJob.Status.RUNNING));
            if (ended > 0) {
                Log.warnf("Sync job %d ended without its end recorded; it will be claimed again", jobId);
            }
        } catch (RuntimeException e) {
            // Not renewed any more, the lease ends by itself.
            Log.warnf(
                    "Could not release sync job %d (%s); its lease will end by itself",
                    jobId, e.getClass().getSimpleName());
        }
    }

    /**
     * Gives up every job whose lease ended after {@value #MAX_ATTEMPTS} claims (a job that kills its worker each time,
     * or keeps losing the database), recording a FAILED run, so it is never left running. Of several instances one
     * records each: the row is ended with a conditional UPDATE first.
     *
     * @return how many jobs were given up
     */
    int giveUpAbandoned() {
        Instant now = Instant.now();
        List<Long> abandoned = QuarkusTransaction.requiringNew()
                .call(() -> SyncJob.getEntityManager()
                        .createQuery(
                                "select j.id from SyncJob j where j.status = ?1 and (j.leaseUntil is null or j.leaseUntil < ?2)"
                                        + " and j.attempts >= ?3",
                                Long.class)
                        .setParameter(1, SyncJob.Status.RUNNING)
                        .setParameter(2, now)
                        .setParameter(3, MAX_ATTEMPTS)
                        .getResultList());
        int givenUp = 0;
        for (long id : abandoned) {
            if (QuarkusTransaction.requiringNew().call(() -> giveUp(id, now))) {
                givenUp++;
            }
        }
        return givenUp;
    }

    private boolean giveUp(long jobId, Instant now) {
        SyncJob job = SyncJob.findById(jobId);
        int ended = SyncJob.update(
                "status = ?1, activeConnectionId = null, finishedAt = ?2, leaseUntil = null "
                        + "where id = ?3 and status = ?4 and (leaseUntil is null or leaseUntil < ?2) and attempts >= ?5",
                SyncJob.Status.DONE,
                now,
                jobId,
                SyncJob.Status.RUNNING,
                MAX_ATTEMPTS);
        if (ended == 0 || job == null) {
            return false;
        }
        SyncRun run = new SyncRun();
        run.connectionId = job.connectionId;
        run.companyId = job.companyId;
        run.trigger = job.trigger;
        run.startedAt = job.startedAt != null ? job.startedAt : now;
        run.endedAt = now;
        run.outcome = SyncOutcome.FAILED;
        run.errorMessage = "Interrupted " + job.attempts + " times; given up";
        run.persist();
        Connection connection = Connection.findById(job.connectionId);
        if (connection != null) {
            finished.fire(new SyncFinished(
                    run.id,
                    connection.id,
                    connection.companyId,
                    connection.platformKey,
                    connection.category,
                    SyncOutcome.FAILED));
        }
        Log.warnf(
                "Sync job %d of connection %d was interrupted %d times; given up",
                jobId, job.connectionId, job.attempts);
        return true;
    }

    /** This instance is shutting down: a worker stops waiting on anything. */
    boolean isStopping() {
        return stopping;
    }

    /** First, so that the worker's run under way ends with the job it holds while the others are let finish. */
    void stopClaiming(@Observes @Priority(RunningJobs.BEFORE_THE_WAIT) ShutdownEvent event) {
        stopping = true;
    }

    /** After the wait for runs under way ({@link RunningJobs}): what is still running is handed back. */
    void onStop(@Observes ShutdownEvent event) {
        handBack();
    }

    /**
     * Puts this instance's running jobs back in the queue, lease cleared, so another instance takes them at once
     * rather than after the lease; a stop is not the job's fault, so the attempt is not counted. The sync still
     * running here can no longer record its end ({@link #markDone}).
     *
     * @return how many jobs were handed back
     */
    int handBack() {
        held.clear();
        int handedBack = QuarkusTransaction.requiringNew()
                .call(() -> SyncJob.update(
                        "status = ?1, startedAt = null, claimedBy = null, leaseUntil = null, attempts = attempts - 1 "
                                + "where claimedBy = ?2 and status = ?3",
                        SyncJob.Status.QUEUED,
                        instance,
                        SyncJob.Status.RUNNING));
        if (handedBack > 0) {
            Log.infof("%d running sync job(s) handed back for another instance", handedBack);
        }
        return handedBack;
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
