package io.connectionportal.api;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An integrator's API key: only its SHA-256 is kept, with a short prefix to recognise it by. */
@Entity
@Table(name = "api_key")
class ApiKey extends PanacheEntityBase {

    static final int NAME_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = NAME_MAX)
    String name;

    @Column(name = "key_hash", nullable = false, length = 64, updatable = false)
    String keyHash;

    @Column(nullable = false, length = 16, updatable = false)
    String prefix;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "last_used_at")
    Instant lastUsedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;
}
