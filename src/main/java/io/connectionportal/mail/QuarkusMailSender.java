package io.connectionportal.mail;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/** Sends through the Quarkus mailer (SMTP, or the log and mock mailbox while {@code quarkus.mailer.mock} is true). */
@ApplicationScoped
class QuarkusMailSender implements MailSender {

    private final ReactiveMailer mailer;

    QuarkusMailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(Mail mail, Duration timeout) {
        mailer.send(mail).await().atMost(timeout);
    }
}
