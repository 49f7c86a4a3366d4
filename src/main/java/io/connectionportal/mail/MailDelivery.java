package io.connectionportal.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.LogText;
import io.connectionportal.shared.PortalConfig;

/**
 * Sends what the {@link MailOutbox} holds, every {@code portal.mail.send-every}. Due rows are claimed with a
 * conditional update, so of several instances one sends each; the mail server is called outside any transaction,
 * with a timeout. A failed attempt is tried again 1, 2, 4… minutes later (at most an hour apart) until
 * {@code portal.mail.max-attempts}, then given up with a log line. Logs name an e-mail by its outbox id, never by
 * its address. A crash between the send and its record sends that e-mail again after the claim's lease: at least
 * once, never lost.
 */
@ApplicationScoped
public class MailDelivery {

    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /** How long a claimed row is left to its sender before another may take it (at least twice the send timeout). */
    static final Duration LEASE = Duration.ofMinutes(5);

    /** The most e-mails one run sends; the next run goes on. */
    static final int BATCH = 50;
    /** Due rows read per claim, so a row another instance just took does not end the run. */
    static final int CANDIDATES = 5;

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:]+@[^\\s<>\"',;:]+");

    private final MailSender sender;
    private final PortalConfig config;

    MailDelivery(MailSender sender, PortalConfig config) {
        this.sender = sender;
        this.config = config;
    }

    // The interval's default is PortalConfig.Mail#sendEvery's, which the configuration knows without repeating it.
    @FinishesBeforeStop
    @Scheduled(
            identity = "mail-outbox",
            every = "${portal.mail.send-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /** Sends the e-mails due now; returns how many were sent. */
    public int runOnce() {
        return runOnce(Instant.now());
    }

    /** Sends the e-mails due at {@code now}; returns how many were sent. */
    public int runOnce(Instant now) {
        int sent = 0;
        // One row claimed at a time, so a lease covers one send, however slow the ones before it were.
        for (int i = 0; i < BATCH; i++) {
            Optional<Long> claimed = claimNext(now);
            if (claimed.isEmpty()) {
                break;
            }
            if (deliver(claimed.get(), now)) {
                sent++;
            }
        }
        return sent;
    }

    @FinishesBeforeStop
    @Scheduled(
            identity = "mail-outbox-purge",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        long purged = purge(Instant.now());
        if (purged > 0) {
            Log.infof("Retention purge removed %d sent e-mails", purged);
        }
    }

    /** Removes e-mails sent or given up on longer ago than {@code portal.retention.sent-mail}. */
    public long purge(Instant now) {
        Instant cutoff = now.minus(config.retention().sentMail());
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.delete("sentAt < ?1 or abandonedAt < ?1", cutoff));
    }

    /** The wait after the {@code attempts}-th failure: 1 minute, doubling, at most an hour. */
    static Duration retryDelay(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 10));
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    /** An error as it may be logged and stored: without e-mail addresses (a server's refusal often quotes one). */
    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        String text = failure.getClass().getSimpleName() + message;
        return LogText.clean(ADDRESS.matcher(text).replaceAll("<address>"));
    }

    private Optional<Long> claimNext(Instant now) {
        Instant leaseEnds = now.plus(lease());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> due = OutboxMail.getEntityManager()
                    .createQuery(
                            "select m.id from OutboxMail m where m.sentAt is null and m.abandonedAt is null"
                                    + " and m.nextAttemptAt <= ?1 order by m.nextAttemptAt, m.id",
                            Long.class)
                    .setParameter(1, now)
                    .setMaxResults(CANDIDATES)
                    .getResultList();
            for (Long id : due) {
                // Only one sender's update matches: the others find nextAttemptAt already moved past now.
                if (OutboxMail.update(
                                "nextAttemptAt = ?1, attempts = attempts + 1 where id = ?2 and sentAt is null"
                                        + " and abandonedAt is null and nextAttemptAt <= ?3",
                                leaseEnds,
                                id,
                                now)
                        == 1) {
                    return Optional.of(id);
                }
            }
            return Optional.<Long>empty();
        });
    }

    private Duration lease() {
        Duration twiceTheTimeout = config.mail().sendTimeout().multipliedBy(2);
        return twiceTheTimeout.compareTo(LEASE) > 0 ? twiceTheTimeout : LEASE;
    }

    private boolean deliver(long id, Instant now) {
        Optional<Mail> mail = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>findByIdOptional(id).map(MailDelivery::toMail));
        if (mail.isEmpty()) {
            return false;
        }
        try {
            sender.send(mail.get(), config.mail().sendTimeout());
        } catch (RuntimeException failure) {
            failed(id, now, describe(failure));
            return false;
        }
        QuarkusTransaction.requiringNew()
                .run(() -> OutboxMail.update("sentAt = ?1, lastError = null where id = ?2", now, id));
        return true;
    }

    private void failed(long id, Instant now, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMail row = OutboxMail.findById(id);
            if (row == null) {
                return;
            }
            row.lastError = error;
            if (row.attempts >= config.mail().maxAttempts()) {
                row.abandonedAt = now;
                Log.warnf("E-mail %d given up after %d attempts: %s", id, row.attempts, error);
            } else {
                Duration delay = retryDelay(row.attempts);
                row.nextAttemptAt = now.plus(delay);
                Log.infof("E-mail %d not sent (attempt %d), next attempt in %s: %s", id, row.attempts, delay, error);
            }
        });
    }

    private static Mail toMail(OutboxMail row) {
        Mail mail = new Mail().addTo(row.recipient).setSubject(row.subject);
        if (row.textBody != null) {
            mail.setText(row.textBody);
        }
        if (row.htmlBody != null) {
            mail.setHtml(row.htmlBody);
        }
        if (row.replyTo != null) {
            mail.setReplyTo(row.replyTo);
        }
        return mail;
    }
}
