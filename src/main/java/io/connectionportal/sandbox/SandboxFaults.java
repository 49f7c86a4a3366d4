package io.connectionportal.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Switches with which tests make the sandbox misbehave like a real provider on a bad day: the
 * revocation endpoint answering 503, a refresh token that the provider no longer honours. There is
 * deliberately no HTTP endpoint for them; tests inject this bean. Call {@link #reset()} when done.
 */
@ApplicationScoped
public class SandboxFaults {

    private final AtomicInteger failingRevocations = new AtomicInteger();
    /** Hashes only, like everything else the sandbox keeps about tokens. */
    private final Set<String> rejectedRefreshTokens = ConcurrentHashMap.newKeySet();

    /** The next {@code count} calls to the revocation endpoint answer 503 Service Unavailable. */
    public void failNextRevocations(int count) {
        failingRevocations.set(Math.max(0, count));
    }

    /** From now on, this refresh token answers {@code invalid_grant}, as if the user had revoked access at the provider. */
    public void rejectRefreshToken(String refreshToken) {
        rejectedRefreshTokens.add(Secrets.hash(refreshToken));
    }

    /** Back to normal behaviour. */
    public void reset() {
        failingRevocations.set(0);
        rejectedRefreshTokens.clear();
    }

    /** Uses up one planned revocation failure, if any is left. */
    boolean revocationFails() {
        return failingRevocations.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    boolean rejectsRefreshTokenHash(String hash) {
        return rejectedRefreshTokens.contains(hash);
    }
}
