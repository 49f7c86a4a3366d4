package io.connectionportal.connections;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.qute.TemplateData;

import io.connectionportal.platforms.Category;

/**
 * A company's link to one platform. Tokens are stored only encrypted ({@code TokenCipher}), bound to
 * this row's id, and never leave this class unencrypted except on their way to the provider.
 */
@Entity
@Table(name = "connection")
@TemplateData(ignoreSuperclasses = true)
public class Connection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    @Column(name = "platform_key", nullable = false, updatable = false)
    public String platformKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConnectionStatus status;

    /** Whether it goes to the built-in sandbox rather than the real provider. */
    @Column(nullable = false)
    public boolean sandbox;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "linked_at")
    public Instant linkedAt;

    @Column(name = "created_by_user_id")
    public Long createdByUserId;

    @Column(name = "share_link_id")
    public Long shareLinkId;

    /** Who authorized it: a user's e-mail, or the name a colleague gave on a share link. */
    @Column(name = "connected_by")
    public String connectedBy;

    @Column(name = "access_token_enc", length = 4000)
    String accessTokenEncrypted;

    @Column(name = "refresh_token_enc", length = 4000)
    String refreshTokenEncrypted;

    @Column(name = "id_token_enc", length = 8000)
    String idTokenEncrypted;

    /**
     * The account at the platform this grant reads: QuickBooks' company ({@code realmId}), the Xero organisation
     * (tenant), a Shopify shop. Sent with every data API call that needs it.
     */
    @Column(name = "provider_account_id", length = 200)
    public String providerAccountId;

    /** That account's name, as the platform gave it, to tell two organisations apart. */
    @Column(name = "provider_account_name", length = 200)
    public String providerAccountName;

    @Column(name = "access_token_expires_at")
    public Instant accessTokenExpiresAt;

    @Column(length = 1000)
    public String scopes;

    /**
     * Until when no run may refresh the tokens: set by a run's claim (so two instances never use one refresh token
     * at once) and, after a temporary failure, to the provider's {@code Retry-After}. See {@code tokens.TokenRefresh}.
     */
    @Column(name = "token_refresh_after")
    public Instant tokenRefreshAfter;

    public boolean linked() {
        return status == ConnectionStatus.LINKED;
    }

    public boolean pending() {
        return status == ConnectionStatus.PENDING_AUTH;
    }

    /** The company's connections, newest first: the only way to list them, so the tenant is never forgotten. */
    public static List<Connection> ofCompany(long companyId) {
        return list("companyId = ?1 order by createdAt desc", companyId);
    }

    /** The company's linked accounting connection: there is at most one, the books' single source of truth. */
    public static Optional<Connection> linkedAccounting(long companyId) {
        return find(
                        "companyId = ?1 and category = ?2 and status = ?3",
                        companyId,
                        Category.ACCOUNTING,
                        ConnectionStatus.LINKED)
                .firstResultOptional();
    }

    /**
     * The connection that stops a connection of {@code category} ({@code self} when it already exists) from
     * being linked: another linked accounting connection, since a company's books have one source of truth.
     * Pages ask it to explain; {@code ConnectFlow} asks it again, with the company locked, when linking.
     */
    public static Optional<Connection> blockingLink(long companyId, Category category, Optional<Long> self) {
        if (category != Category.ACCOUNTING) {
            return Optional.empty();
        }
        return linkedAccounting(companyId)
                .filter(c -> self.map(id -> !id.equals(c.id)).orElse(true));
    }

    public static Optional<Connection> ofCompany(long companyId, long id) {
        return find("companyId = ?1 and id = ?2", companyId, id).firstResultOptional();
    }
}
