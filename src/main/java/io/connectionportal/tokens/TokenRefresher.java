package io.connectionportal.tokens;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import io.connectionportal.shared.FinishesBeforeStop;

/**
 * Refreshes every linked connection's access token before it expires, every {@code portal.tokens.refresh-every}
 * (default 1 min; {@code off} disables it), whether or not its platform has a data client. Several instances may run
 * it: {@link TokenRefresh} claims each connection for one run.
 */
@ApplicationScoped
public class TokenRefresher {

    private final TokenRefresh refresh;

    TokenRefresher(TokenRefresh refresh) {
        this.refresh = refresh;
    }

    // The default is PortalConfig.Tokens#refreshEvery's, which the configuration knows without repeating it here.
    @FinishesBeforeStop
    @Scheduled(
            identity = "token-refresher",
            every = "${portal.tokens.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /** Refreshes the tokens due now; returns how many connections it refreshed, marked or failed. */
    public int runOnce() {
        return runOnce(Instant.now());
    }

    /** Refreshes the tokens due at {@code now}; returns how many connections it refreshed, marked or failed. */
    public int runOnce(Instant now) {
        return refresh.refreshDue(now);
    }
}
