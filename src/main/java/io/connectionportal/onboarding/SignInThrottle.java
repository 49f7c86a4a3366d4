package io.connectionportal.onboarding;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;

import io.connectionportal.onboarding.SignInCounter.Kind;
import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.LogText;
import io.connectionportal.shared.PortalConfig;

/**
 * Counts failed sign-ins per account (the normalised e-mail address, whether or not it has an account)
 * and per client address, in the database so that every instance shares them. Each change is one short
 * transaction under optimistic locking, tried again when another attempt changed the row meanwhile.
 */
@ApplicationScoped
class SignInThrottle {

    /** Rounds of reading and writing one row before giving up; only attempts at the same key compete. */
    private static final int ROUNDS = 20;

    private static final int LOG_REFERENCE = 12;

    private final SignInLimits accountLimits;
    private final SignInLimits addressLimits;
    private final EntityManager entityManager;

    SignInThrottle(PortalConfig config, EntityManager entityManager) {
        PortalConfig.SignIn signIn = config.signIn();
        this.accountLimits = new SignInLimits(
                signIn.accountLockAfter(),
                signIn.maxFailures(),
                signIn.window(),
                signIn.firstLock(),
                signIn.longestLock());
        this.addressLimits = new SignInLimits(
                signIn.addressLockAfter(),
                signIn.maxFailures(),
                signIn.window(),
                signIn.firstLock(),
                signIn.longestLock());
        this.entityManager = entityManager;
    }

    /**
     * Takes a try from the account and from the address for a sign-in about to be checked. Returns the
     * end of the lock that refuses it instead, if any: then no password may be checked.
     */
    Optional<Instant> take(String email, String address, Instant now) {
        Target account = account(email, address);
        Optional<Instant> refused = take(account, now);
        if (refused.isPresent()) {
            return refused;
        }
        refused = take(address(address), now);
        if (refused.isPresent()) {
            giveBack(account);
        }
        return refused;
    }

    /** The password was wrong (or the account unknown): confirms the failure on both counters. */
    void failed(String email, String address, Instant now) {
        failed(account(email, address), now);
        failed(address(address), now);
    }

    /**
     * The password was right: the account starts afresh, the address gets its try back. The address
     * keeps its other failures, or one account of an attacker's own would reset them.
     */
    void succeeded(String email, String address) {
        Target account = account(email, address);
        atomically(() -> SignInCounter.delete("kind = ?1 and keyHash = ?2", account.kind, account.keyHash));
        giveBack(address(address));
    }

    /**
     * The account's password was just reset through its mailbox: its failures, perhaps someone else's guesses, no
     * longer lock its owner out. Addresses keep theirs.
     */
    void forgive(String email) {
        Target account = account(email, null);
        atomically(() -> SignInCounter.delete("kind = ?1 and keyHash = ?2", account.kind, account.keyHash));
    }

    private Optional<Instant> take(Target target, Instant now) {
        Taken taken;
        try {
            taken = atomically(() -> {
                SignInCounter counter = find(target);
                if (counter == null) {
                    entityManager.persist(SignInCounter.first(target.kind, target.keyHash, now));
                    entityManager.flush();
                    return new Taken(Optional.empty(), false, 1);
                }
                int locksBefore = counter.locks;
                Optional<Instant> refused = counter.take(now, target.limits);
                entityManager.flush();
                return new Taken(refused, counter.locks > locksBefore, counter.failures);
            });
        } catch (RuntimeException tooBusy) {
            // Fails closed: a key too busy to count is refused for the shortest lock.
            Log.warnf("Could not count a sign-in attempt, refused it: %s", tooBusy.toString());
            return Optional.of(now.plus(target.limits.firstLock()));
        }
        if (taken.newLock) {
            logLock(target, taken.refused.orElseThrow(), taken.failures);
        }
        return taken.refused;
    }

    private void failed(Target target, Instant now) {
        try {
            SignInCounter locked = atomically(() -> {
                SignInCounter counter = find(target);
                if (counter == null) {
                    // Reset meanwhile by a right password: this failure is the first of a new count.
                    entityManager.persist(SignInCounter.first(target.kind, target.keyHash, now));
                    entityManager.flush();
                    return null;
                }
                boolean newLock = counter.failed(now, target.limits);
                entityManager.flush();
                return newLock ? counter : null;
            });
            if (locked != null) {
                logLock(target, locked.lockedUntil, locked.failures);
            }
        } catch (RuntimeException e) {
            Log.warnf("Could not count a failed sign-in: %s", e.toString());
        }
    }

    private void giveBack(Target target) {
        try {
            atomically(() -> {
                SignInCounter counter = find(target);
                if (counter != null) {
                    counter.giveBack();
                    entityManager.flush();
                }
                return null;
            });
        } catch (RuntimeException e) {
            Log.warnf("Could not give back a sign-in try: %s", e.toString());
        }
    }

    private SignInCounter find(Target target) {
        return entityManager.find(SignInCounter.class, new SignInCounter.Key(target.kind, target.keyHash));
    }

    private static <T> T atomically(Supplier<T> change) {
        for (int round = 1; ; round++) {
            try {
                return QuarkusTransaction.requiringNew().call(change::get);
            } catch (RuntimeException e) {
                if (round >= ROUNDS || !isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    /** Another attempt changed, inserted or held the row first: reading it again settles it. */
    private static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || cause instanceof StaleStateException
                    || cause instanceof ConstraintViolationException
                    || cause instanceof LockAcquisitionException
                    || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException
                    || cause instanceof org.hibernate.PessimisticLockException
                    || (cause instanceof SQLException sql && isConcurrencyState(sql))) {
                return true;
            }
        }
        return false;
    }

    /** Serialization failures and deadlocks (SQLSTATE class 40), and H2's concurrent update of a row. */
    private static boolean isConcurrencyState(SQLException e) {
        return (e.getSQLState() != null && e.getSQLState().startsWith("40")) || e.getErrorCode() == 90131;
    }

    /** A lock is news for the operators: which kind, a reference to the key that is no e-mail address, and from where. */
    private static void logLock(Target target, Instant until, int failures) {
        Log.warnf(
                "Sign-in locked: %s %s after %d failed attempts, until %s (attempt from %s)",
                target.kind.name().toLowerCase(java.util.Locale.ROOT),
                target.keyHash.substring(0, LOG_REFERENCE),
                failures,
                until,
                LogText.clean(target.address));
    }

    private Target account(String email, String address) {
        return new Target(Kind.ACCOUNT, Hashes.sha256Hex(email), accountLimits, address);
    }

    private Target address(String address) {
        return new Target(Kind.ADDRESS, Hashes.sha256Hex(addressKey(address)), addressLimits, address);
    }

    /**
     * The key of a client address. An IPv6 client usually has a whole /64 to itself, so that is what
     * counts; an IPv4-mapped IPv6 address counts as its IPv4 address.
     */
    static String addressKey(String address) {
        if (address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.]+")) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal, so no name lookup
            byte[] bytes = parsed.getAddress();
            if (bytes.length != 16) {
                return parsed.getHostAddress();
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** One counter to change, with its limits and the address of the attempt (for the log only). */
    private record Target(Kind kind, String keyHash, SignInLimits limits, String address) {}

    private record Taken(Optional<Instant> refused, boolean newLock, int failures) {}
}
