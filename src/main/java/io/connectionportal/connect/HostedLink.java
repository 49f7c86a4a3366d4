package io.connectionportal.connect;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import io.connectionportal.platforms.Category;

/**
 * A link the integrator makes through the API for one of its companies (I3): opened once, before it expires, by the
 * business, which then connects without signing up and is sent back to {@link #redirectUrl} with the outcome (I2).
 */
@Entity
@Table(name = "hosted_link")
public class HostedLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    String tokenHash;

    @Column(name = "redirect_url", nullable = false, updatable = false)
    public String redirectUrl;

    /** The kinds of data the journey is narrowed to, comma-separated keys; null for every kind. */
    @Column(updatable = false)
    String categories;

    /** The one platform the journey is narrowed to, if any. */
    @Column(name = "platform_key", updatable = false)
    public String platformKey;

    /** The name of the API key that made it. */
    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "opened_at")
    public Instant openedAt;

    /** The user the link signed in: the business, with no e-mail or password until it sets them. */
    @Column(name = "user_id")
    public Long userId;

    @Column(name = "connection_id")
    public Long connectionId;

    /** linked, cancelled or error; null while the journey goes on. */
    public String outcome;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public Set<Category> categories() {
        if (categories == null || categories.isBlank()) {
            return Set.of(Category.values());
        }
        return Arrays.stream(categories.split(","))
                .map(Category::fromKey)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean finished() {
        return finishedAt != null;
    }

    /** The journey the business is on through this link, if it opened one that has not ended. */
    static Optional<HostedLink> openFor(long userId) {
        return find("userId = ?1 and finishedAt is null order by id desc", userId)
                .firstResultOptional();
    }

    /** The link that signed this user in, finished or not. */
    static Optional<HostedLink> lastFor(long userId) {
        return find("userId = ?1 order by id desc", userId).firstResultOptional();
    }
}
