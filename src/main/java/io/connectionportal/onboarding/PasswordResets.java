package io.connectionportal.onboarding;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.mail.MailOutbox;
import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.RandomTokens;
import io.connectionportal.shared.SessionStore;
import io.connectionportal.shared.User;

/**
 * Password reset by e-mail (ASVS 2.5): a 256-bit token, stored only as its SHA-256, valid
 * {@code portal.password-reset.lifetime} and claimed once by a conditional update, so two tabs cannot both use it.
 * Using one ends every session of the account and makes its other links worthless. An account gets at most
 * {@code portal.password-reset.max-per-hour} links an hour, counted in the database.
 */
@ApplicationScoped
class PasswordResets {

    /** The shortest time used or expired links are kept: the hourly limit counts them. */
    static final Duration LIMIT_WINDOW = Duration.ofHours(1);

    enum Requested {
        /** A link was queued in the outbox. */
        SENT,
        /** No account has this address: nothing is sent, and the page says the same as for {@link #SENT}. */
        NO_ACCOUNT,
        /** The account had its hourly share of links already. */
        TOO_MANY
    }

    record Request(Requested outcome, Long userId) {}

    /** The account a still-usable link belongs to. */
    record Account(long userId, String email) {}

    private final PortalConfig config;
    private final PasswordResetMail mail;
    private final MailOutbox outbox;
    private final Passwords passwords;
    private final SessionStore sessions;

    PasswordResets(
            PortalConfig config,
            PasswordResetMail mail,
            MailOutbox outbox,
            Passwords passwords,
            SessionStore sessions) {
        this.config = config;
        this.mail = mail;
        this.outbox = outbox;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    /** {@code email} is normalised. No bcrypt here: with or without an account, the work is a few queries. */
    Request request(String email, Language language, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Locked, so two requests at once cannot both take the last link of the hour.
            User user = User.<User>find("email", email)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .singleResultOptional()
                    .orElse(null);
            if (user == null) {
                return new Request(Requested.NO_ACCOUNT, null);
            }
            long recent = PasswordReset.count("userId = ?1 and createdAt > ?2", user.id, now.minus(LIMIT_WINDOW));
            if (recent >= config.passwordReset().maxPerHour()) {
                return new Request(Requested.TOO_MANY, user.id);
            }
            String token = RandomTokens.next();
            PasswordReset reset = new PasswordReset();
            reset.userId = user.id;
            reset.tokenHash = Hashes.sha256Hex(token);
            reset.createdAt = now;
            reset.expiresAt = now.plus(config.passwordReset().lifetime());
            reset.persist();
            outbox.enqueue(mail.render(user.email, token, language));
            return new Request(Requested.SENT, user.id);
        });
    }

    /** The account of a link that still works at {@code now}. */
    Optional<Account> find(String token, Instant now) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> PasswordReset.<PasswordReset>find(
                                "tokenHash = ?1 and usedAt is null and expiresAt > ?2", Hashes.sha256Hex(token), now)
                        .firstResultOptional()
                        .map(reset -> new Account(reset.userId, User.<User>findById(reset.userId).email)));
    }

    /**
     * Uses the link: claims it (only one request can), sets the new password, makes the account's other links
     * worthless and ends every session, all in one transaction. Empty when the link was used, expired or unknown.
     */
    Optional<Long> complete(String token, Passwords.Hashed password, Instant now) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        String hash = Hashes.sha256Hex(token);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<PasswordReset> reset =
                    PasswordReset.<PasswordReset>find("tokenHash", hash).firstResultOptional();
            if (reset.isEmpty()
                    || PasswordReset.update(
                                    "usedAt = ?1 where id = ?2 and usedAt is null and expiresAt > ?1",
                                    now,
                                    reset.get().id)
                            != 1) {
                return Optional.<Long>empty();
            }
            long userId = reset.get().userId;
            passwords.replace(userId, password);
            sessions.closeAll(userId);
            return Optional.of(userId);
        });
    }

    @FinishesBeforeStop
    @Scheduled(
            identity = "password-reset-retention",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        long purged = purge(Instant.now());
        if (purged > 0) {
            Log.infof("Retention purge removed %d password-reset links", purged);
        }
    }

    /** Removes links used or expired longer ago than {@code portal.retention.password-resets} (at least an hour). */
    long purge(Instant now) {
        Duration keep = config.retention().passwordResets();
        Instant cutoff = now.minus(keep.compareTo(LIMIT_WINDOW) < 0 ? LIMIT_WINDOW : keep);
        return QuarkusTransaction.requiringNew()
                .call(() -> PasswordReset.delete("coalesce(usedAt, expiresAt) < ?1", cutoff));
    }

    /** A token as {@link RandomTokens} makes them, before any query is spent on it. */
    static boolean plausible(String token) {
        return token != null && token.length() >= 32 && token.length() <= 64 && token.matches("[A-Za-z0-9_-]+");
    }
}
