package io.connectionportal.manage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import io.connectionportal.connectors.Connector.TokenKind;

/**
 * One token the portal must revoke at a provider (RFC 7009), kept until the provider confirms. The
 * token is encrypted and bound to this row ({@code revocation:<id>:<kind>}), and wiped once revoked.
 * {@code connectionId} is a plain column: after a delete it points at a connection that is gone, and
 * the revocation keeps being retried with its company and platform. A token that no configured key decrypts
 * cannot be sent: its row is recorded as abandoned ({@code abandonedAt}, with why in {@code lastError}); one the provider
 * refused for good, or cannot revoke at all, as refused ({@code refusedAt}).
 */
@Entity
@Table(name = "revocation")
class Revocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    long companyId;

    @Column(name = "connection_id", updatable = false)
    Long connectionId;

    @Column(name = "platform_key", nullable = false, updatable = false)
    String platformKey;

    /** Whether the token came from the sandbox, which a platform given real settings since still revokes. */
    @Column(updatable = false)
    Boolean sandbox;

    @Enumerated(EnumType.STRING)
    @Column(name = "token_kind", nullable = false, updatable = false)
    TokenKind tokenKind;

    @Column(name = "token_enc", length = 4000)
    String tokenEncrypted;

    @Column(nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    Instant nextAttemptAt;

    /** The provider's last answer, as {@code ConnectorException} words it: never a token. */
    @Column(name = "last_error", length = 300)
    String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    /** Set when the token could not be sent to the provider (no configured key decrypts it): never retried. */
    @Column(name = "abandoned_at")
    Instant abandonedAt;

    /** Set when the provider refused for good (a 4xx) or has no revocation endpoint: never retried. */
    @Column(name = "refused_at")
    Instant refusedAt;

    /** {@link Revocations#REFUSED} or {@link Revocations#NO_ENDPOINT}, with {@link #refusedAt}. */
    @Column(length = 20)
    String refusal;

    /** When the token stops working by itself, when known (access tokens): what the pages say after a refusal. */
    @Column(name = "token_expires_at")
    Instant tokenExpiresAt;

    boolean open() {
        return revokedAt == null && abandonedAt == null && refusedAt == null;
    }

    String binding() {
        return "revocation:" + id + ":" + tokenKind.hint();
    }
}
