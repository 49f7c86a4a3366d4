package io.connectionportal.manage;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import io.connectionportal.shared.FinishesBeforeStop;

/**
 * Retries revocations the provider did not confirm, every {@code portal.revocation.retry-every}
 * (default 30 s; {@code off} disables it), each row with its own exponential backoff. Several
 * instances may run it: each due row is claimed by exactly one.
 */
@ApplicationScoped
public class RevocationRetrier {

    private final Revocations revocations;

    RevocationRetrier(Revocations revocations) {
        this.revocations = revocations;
    }

    // The default is PortalConfig.Revocation#retryEvery's, which the configuration knows without repeating it here.
    @FinishesBeforeStop
    @Scheduled(
            identity = "revocation-retrier",
            every = "${portal.revocation.retry-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /** Runs the revocations due now; returns how many were attempted. */
    public int runOnce() {
        return runOnce(Instant.now());
    }

    /** Runs the revocations due at {@code now}; returns how many were attempted. */
    public int runOnce(Instant now) {
        List<Long> claimed = revocations.claimDue(now);
        revocations.attempt(claimed, now);
        return claimed.size();
    }
}
