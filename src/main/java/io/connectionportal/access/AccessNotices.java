package io.connectionportal.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.connectionportal.connections.Connection;
import io.connectionportal.mail.MailOutbox;
import io.connectionportal.mail.OutgoingMail;
import io.connectionportal.shared.User;

/**
 * Records a notice and queues its e-mails in the caller's transaction, so the e-mails exist exactly when the record
 * does. Each of the company's users with an e-mail address is written to in their own language.
 */
@ApplicationScoped
class AccessNotices {

    private final MailOutbox outbox;
    private final AccessMails mails;

    AccessNotices(MailOutbox outbox, AccessMails mails) {
        this.outbox = outbox;
        this.mails = mails;
    }

    /**
     * True, with the notice recorded and its e-mails queued, when it had not been sent yet. Two callers racing past
     * the check meet the unique key at the flush: the second fails, and nothing of its transaction is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean tell(Connection connection, AccessNotice.Kind kind, Instant occasion) {
        // Stored to the microsecond; milliseconds compare the same before and after a round trip to the database.
        Instant at = occasion.truncatedTo(ChronoUnit.MILLIS);
        if (AccessNotice.count("connectionId = ?1 and kind = ?2 and occasion = ?3", connection.id, kind, at) > 0) {
            return false;
        }
        AccessNotice notice = new AccessNotice();
        notice.connectionId = connection.id;
        notice.companyId = connection.companyId;
        notice.kind = kind;
        notice.occasion = at;
        notice.createdAt = Instant.now();
        notice.persistAndFlush();
        List<User> users = User.list("company.id = ?1 and email is not null order by id", connection.companyId);
        for (User user : users) {
            OutgoingMail mail = kind == AccessNotice.Kind.BROKEN
                    ? mails.broken(user.email, user.language(), connection)
                    : mails.ending(user.email, user.language(), connection, occasion);
            outbox.enqueue(mail);
        }
        return true;
    }
}
