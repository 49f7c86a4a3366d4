package io.connectionportal.sandbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What the person allowed on the sandbox's consent page: a client may read these scopes of this
 * platform's sandbox account. Every code and token hangs off a grant; revoking it ends them all.
 */
@Entity
@Table(name = "sandbox_grant")
class SandboxGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false)
    String platform;

    @Column(name = "client_id", nullable = false, updatable = false)
    String clientId;

    /** The e-mail address typed on the sign-in page; the sandbox has no real accounts. */
    @Column(nullable = false, updatable = false)
    String subject;

    /** The business whose records the grant reads; null only for grants older than accounts. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", updatable = false)
    SandboxAccount account;

    /** Space-separated, as in OAuth. */
    @Column(nullable = false, updatable = false)
    String scopes;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    boolean active() {
        return revokedAt == null;
    }
}
