package io.connectionportal.audit;

import java.time.Instant;
import java.util.Arrays;
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
import org.hibernate.annotations.Immutable;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.User;

/**
 * One entry of the audit trail (M6): who did what to which connection, and when. Append-only:
 * Hibernate never updates it, and deleting a connection leaves its events (connection_id is a plain
 * column, not a foreign key). Written only through {@link AuditTrail}.
 */
@Entity
@Immutable
@Table(name = "audit_event")
@TemplateData(ignoreSuperclasses = true)
public class AuditEvent extends PanacheEntityBase {

    /** The actor of events nobody in particular caused: retries, provider confirmations. */
    public static final String SYSTEM = "system";

    /** The actor of what the system did because someone asked for it: a sync after "Refresh". */
    public static final String ON_REQUEST = "system (on request)";

    /** The actor of every event of a deleted company that a person caused: who it was is erased with the company. */
    public static final String ERASED = "erased";

    static final String SHARE_LINK_SUFFIX = " (share link)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    @Column(name = "connection_id", updatable = false)
    public Long connectionId;

    @Column(name = "platform_key", updatable = false)
    public String platformKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, updatable = false)
    public AuditType type;

    /** A user's e-mail, {@code "<name> (share link)"} for a colleague, or {@value #SYSTEM}. */
    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(updatable = false)
    public String detail;

    public boolean bySystem() {
        return SYSTEM.equals(actor);
    }

    public boolean onRequest() {
        return ON_REQUEST.equals(actor);
    }

    public boolean byShareLink() {
        return actor.endsWith(SHARE_LINK_SUFFIX);
    }

    /** Done by a business that came through a hosted link and has no e-mail yet. */
    public boolean byHostedLink() {
        return User.HOSTED_LINK_ACTOR.equals(actor);
    }

    /** The actor without the share-link marker, which pages translate. */
    public String actorName() {
        return byShareLink() ? actor.substring(0, actor.length() - SHARE_LINK_SUFFIX.length()) : actor;
    }

    /** For consent given or withdrawn: the categories agreed to, or withdrawn. */
    public List<Category> categories() {
        if (!type.aboutConsent() || detail == null) {
            return List.of();
        }
        return Arrays.stream(detail.split(","))
                .map(Category::fromKey)
                .flatMap(Optional::stream)
                .toList();
    }
}
