package io.connectionportal.onboarding;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The failed sign-ins of one key in the current window, and its lock. Every attempt that will be
 * checked first takes a try ({@link #take}), so attempts running at the same time cannot together
 * check more passwords than the limit allows; a wrong password then confirms the failure
 * ({@link #failed}), which starts a lock once the limit is reached, and a right one gives the try back.
 * Changed under optimistic locking ({@code version}), so instances sharing the database agree.
 */
@Entity
@Table(name = "sign_in_throttle")
@IdClass(SignInCounter.Key.class)
class SignInCounter extends PanacheEntityBase {

    enum Kind {
        ACCOUNT,
        ADDRESS
    }

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    Kind kind;

    /** SHA-256 of the normalised e-mail address or of the client address: the key itself is not kept. */
    @Id
    @Column(name = "key_hash", length = 64)
    String keyHash;

    @Column(nullable = false)
    int failures;

    /** Locks so far in this window; each lasts twice as long as the one before. */
    @Column(nullable = false)
    int locks;

    @Column(name = "window_start", nullable = false)
    Instant windowStart;

    @Column(name = "locked_until")
    Instant lockedUntil;

    @Version
    long version;

    static SignInCounter first(Kind kind, String keyHash, Instant now) {
        SignInCounter counter = new SignInCounter();
        counter.kind = kind;
        counter.keyHash = keyHash;
        counter.failures = 1;
        counter.windowStart = now;
        return counter;
    }

    boolean locked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Takes a try for an attempt about to be checked; empty when taken, else the end of the lock that refuses it. */
    Optional<Instant> take(Instant now, SignInLimits limits) {
        if (locked(now)) {
            return Optional.of(lockedUntil);
        }
        if (limits.windowOver(windowStart, now)) {
            failures = 1;
            locks = 0;
            windowStart = now;
            lockedUntil = null;
            return Optional.empty();
        }
        if (failures < limits.nextLockAt(locks)) {
            failures++;
            return Optional.empty();
        }
        // Every try is taken already: by attempts still being checked, or by one that never reported back.
        lock(now, limits);
        return Optional.of(lockedUntil);
    }

    /** Confirms that a taken try was a wrong password; true when that starts a lock. */
    boolean failed(Instant now, SignInLimits limits) {
        if (locked(now) || limits.windowOver(windowStart, now) || failures < limits.nextLockAt(locks)) {
            return false;
        }
        lock(now, limits);
        return true;
    }

    /** Gives back a try that turned out to be the right password. */
    void giveBack() {
        if (failures > 0) {
            failures--;
        }
    }

    private void lock(Instant now, SignInLimits limits) {
        Instant until = now.plus(limits.lockLength(locks));
        Instant windowEnd = windowStart.plus(limits.window());
        if (failures >= limits.maxFailures() && windowEnd.isAfter(until)) {
            until = windowEnd;
        }
        locks++;
        lockedUntil = until;
    }

    static class Key implements Serializable {
        Kind kind;
        String keyHash;

        Key() {}

        Key(Kind kind, String keyHash) {
            this.kind = kind;
            this.keyHash = keyHash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && kind == key.kind && Objects.equals(keyHash, key.keyHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, keyHash);
        }
    }
}
