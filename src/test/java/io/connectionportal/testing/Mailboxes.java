package io.connectionportal.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;

import io.connectionportal.mail.MailDelivery;

/**
 * E-mails wait in the outbox until its job sends them (a request never waits for SMTP), and the scheduler is halted
 * in tests: run the job, as its schedule would, until the e-mail has arrived.
 */
public final class Mailboxes {

    // Generous: on a busy machine the mailer thread may wait its turn; a mail that arrives ends the wait at once.
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Mailboxes() {}

    public static Mail awaitMail(MockMailbox mailbox, String to, Predicate<Mail> matching) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            deliverOutbox();
            List<Mail> mails = mailbox.getMailsSentTo(to);
            Optional<Mail> found = mails == null
                    ? Optional.empty()
                    : mails.stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for an e-mail to " + to, e);
            }
        }
        throw new AssertionError("No matching e-mail was sent to " + to);
    }

    /** Sends what the outbox holds now, as the scheduled job would. */
    public static int deliverOutbox() {
        return Arc.container().instance(MailDelivery.class).get().runOnce();
    }
}
