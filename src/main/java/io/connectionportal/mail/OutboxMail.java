package io.connectionportal.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One e-mail in the outbox, from the commit that wrote it until it is sent (or given up on) and its retention ends.
 * {@code nextAttemptAt} is also the claim: a sender moves it forward before sending, so no other takes the row.
 */
@Entity
@Table(name = "mail_outbox")
class OutboxMail extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false)
    String recipient;

    @Column(name = "reply_to", updatable = false)
    String replyTo;

    @Column(nullable = false, updatable = false)
    String subject;

    @Column(name = "text_body", updatable = false)
    String textBody;

    @Column(name = "html_body", updatable = false)
    String htmlBody;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    Instant nextAttemptAt;

    @Column(name = "sent_at")
    Instant sentAt;

    @Column(name = "abandoned_at")
    Instant abandonedAt;

    @Column(name = "last_error")
    String lastError;
}
