package io.connectionportal.mail;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Where every e-mail of the portal goes: written in the caller's transaction, so it exists exactly when what it
 * tells about was committed, and sent afterwards by {@link MailDelivery}, outside any transaction.
 */
@ApplicationScoped
public class MailOutbox {

    /** Queues {@code mail} in the caller's transaction (there must be one); returns its outbox id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long enqueue(OutgoingMail mail) {
        Instant now = Instant.now();
        OutboxMail row = new OutboxMail();
        row.recipient = mail.to();
        row.replyTo = mail.replyTo();
        row.subject = mail.subject();
        row.textBody = mail.text();
        row.htmlBody = mail.html();
        row.createdAt = now;
        row.attempts = 0;
        row.nextAttemptAt = now;
        row.persistAndFlush();
        return row.id;
    }
}
