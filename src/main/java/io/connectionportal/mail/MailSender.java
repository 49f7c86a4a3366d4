package io.connectionportal.mail;

import java.time.Duration;

import io.quarkus.mailer.Mail;

/** Hands one e-mail to the mail server, or throws; the seam where tests put a failing server. */
interface MailSender {

    void send(Mail mail, Duration timeout);
}
