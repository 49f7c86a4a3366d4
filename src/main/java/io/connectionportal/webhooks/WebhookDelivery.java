package io.connectionportal.webhooks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One message to one endpoint, from the commit of the change it tells about until it is delivered (or failed) and
 * its retention ends. {@code nextAttemptAt} is also the claim: a sender moves it forward before sending.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    public long endpointId;

    /** The {@code webhook-id} header: the same on every attempt and replay. */
    @Column(name = "message_id", nullable = false, updatable = false)
    public String messageId;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(name = "company_id", updatable = false)
    public Long companyId;

    /** The exact body that is signed and sent. */
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;
}
