package io.connectionportal.connect;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One trip to a provider. The {@code state} is stored hashed and works once, for ten minutes, and only
 * in the browser that started it (a random cookie, hashed here), so a state sent by anyone else fails.
 */
@Entity
@Table(name = "authorization_attempt")
class AuthorizationAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "connection_id", nullable = false)
    long connectionId;

    @Column(name = "company_id", nullable = false)
    long companyId;

    @Column(name = "state_hash", nullable = false)
    String stateHash;

    @Column(name = "browser_hash", nullable = false)
    String browserHash;

    @Column(name = "code_verifier_enc", nullable = false)
    String codeVerifierEncrypted;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "used_at")
    Instant usedAt;

    /** Whether it re-authorizes an existing connection, which a failure must leave as it was. */
    @Column(nullable = false)
    boolean reconnect;

    /** Who started a reconnect: they become the connection's "connected by" once it succeeds. */
    @Column(name = "started_by")
    String startedBy;
}
