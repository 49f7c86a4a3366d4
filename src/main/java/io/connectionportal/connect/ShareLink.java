package io.connectionportal.connect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A single-use link that lets a colleague (an accountant, a finance manager) connect a platform on
 * the company's behalf without an account (S6). The token is found by its hash; it is also kept
 * encrypted so the company can copy its link again while it is valid.
 */
@Entity
@Table(name = "share_link")
public class ShareLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    @Column(name = "created_by_user_id", nullable = false, updatable = false)
    public long createdByUserId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    String tokenHash;

    @Column(name = "token_enc", nullable = false, updatable = false)
    String tokenEncrypted;

    /** Who it is meant for, as the company wrote it; only shown back to the company. */
    public String colleague;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "used_by_name")
    public String usedByName;

    /** When the company cancelled it; a cancelled link also expires at that instant. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    public boolean used() {
        return usedAt != null;
    }

    public boolean cancelled() {
        return !used() && cancelledAt != null;
    }

    public boolean expired() {
        return !used() && !cancelled() && expiresAt.isBefore(Instant.now());
    }

    public boolean usable() {
        return !used() && !cancelled() && !expired();
    }

    static List<ShareLink> ofCompany(long companyId) {
        return list("companyId = ?1 order by createdAt desc", companyId);
    }

    static Optional<ShareLink> ofCompany(long companyId, long id) {
        return find("companyId = ?1 and id = ?2", companyId, id).firstResultOptional();
    }
}
