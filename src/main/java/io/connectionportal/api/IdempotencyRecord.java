package io.connectionportal.api;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A POST's Idempotency-Key with the response it got; unique per API key, so two requests cannot both claim it. */
@Entity
@Table(name = "api_idempotency_key")
class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "api_key_id", nullable = false, updatable = false)
    long apiKeyId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    String idempotencyKey;

    @Column(name = "request_hash", nullable = false, updatable = false, length = 64)
    String requestHash;

    @Column(name = "response_status")
    Integer responseStatus;

    @Column(name = "response_body", length = 16000)
    String responseBody;

    @Column(name = "response_location", length = 500)
    String responseLocation;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
}
