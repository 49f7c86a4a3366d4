package io.connectionportal.onboarding;

import java.time.Duration;
import java.time.Instant;

/** The numbers that throttle one kind of key (an account or an address), from {@code portal.sign-in.*}. */
record SignInLimits(int lockAfter, int maxFailures, Duration window, Duration firstLock, Duration longestLock) {

    /** The failure count at which the next lock starts, after {@code locks} locks in this window. */
    int nextLockAt(int locks) {
        return (int) Math.min((long) (locks + 1) * lockAfter, maxFailures);
    }

    /** How long the lock after {@code locks} earlier ones lasts: the first lock, doubled for each, at most the longest. */
    Duration lockLength(int locks) {
        Duration length = firstLock;
        for (int i = 0; i < locks && length.compareTo(longestLock) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(longestLock) > 0 ? longestLock : length;
    }

    boolean windowOver(Instant windowStart, Instant now) {
        return !now.isBefore(windowStart.plus(window));
    }
}
