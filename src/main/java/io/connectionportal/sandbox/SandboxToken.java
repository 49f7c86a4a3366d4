package io.connectionportal.sandbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An access or refresh token, stored as a hash. A refresh token is rotated on use: the row stays,
 * marked {@code rotatedAt} and pointing at its successor, so a second use is detected as reuse.
 */
@Entity
@Table(name = "sandbox_token")
class SandboxToken extends PanacheEntityBase {

    enum Kind {
        ACCESS,
        REFRESH
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64, updatable = false)
    String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "grant_id", nullable = false, updatable = false)
    SandboxGrant grant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    Kind kind;

    /** Space-separated; an access token from a refresh request may carry fewer scopes than its grant. */
    @Column(nullable = false, updatable = false)
    String scopes;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "rotated_at")
    Instant rotatedAt;

    @Column(name = "replaced_by")
    Long replacedBy;

    /** Usable now: not revoked, not rotated, not expired, and its grant still stands. */
    boolean usableAt(Instant now) {
        return revokedAt == null && rotatedAt == null && now.isBefore(expiresAt) && grant.active();
    }
}
