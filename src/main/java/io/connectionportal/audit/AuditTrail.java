package io.connectionportal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.Panache;

import io.connectionportal.platforms.Category;

/**
 * Writes and reads the audit trail (M6). {@link #record} joins the caller's transaction, so an event
 * is stored exactly when what it describes is; without one it commits on its own.
 */
@ApplicationScoped
public class AuditTrail {

    static final int DETAIL_MAX = 1000;
    static final int ACTOR_MAX = 300;

    /** The actor for something a colleague did through a share link. */
    public static String shareLinkActor(String name) {
        return name + AuditEvent.SHARE_LINK_SUFFIX;
    }

    @Transactional
    public AuditEvent record(
            long companyId, Long connectionId, String platformKey, AuditType type, String actor, String detail) {
        AuditEvent event = new AuditEvent();
        event.companyId = companyId;
        event.connectionId = connectionId;
        event.platformKey = platformKey;
        event.type = type;
        event.actor = cut(actor == null || actor.isBlank() ? AuditEvent.SYSTEM : actor, ACTOR_MAX);
        event.occurredAt = Instant.now();
        event.detail = detail == null ? null : cut(detail, DETAIL_MAX);
        event.persist();
        return event;
    }

    /** The newest events of a connection's trail, and whether there are more (the company's activity has them all). */
    public record ConnectionTrail(List<AuditEvent> events, boolean more) {

        /**
         * The key the trail's markup is kept under: each event by its id, which stands for its type and time, with the
         * two fields that can change afterwards, the actor and the detail, which a company's erasure clears.
         */
        public String key() {
            StringBuilder key = new StringBuilder(32 * events.size() + 8).append(more);
            for (AuditEvent event : events) {
                // Text with its length, as in KeyText, so that no actor or detail can pass for a boundary.
                String detail = String.valueOf(event.detail);
                key.append('|').append(event.id);
                key.append(':').append(event.actor.length()).append(':').append(event.actor);
                key.append(':').append(detail.length()).append(':').append(detail);
            }
            return key.toString();
        }
    }

    /**
     * A connection's trail, newest first, at most {@code limit} events: its own events and the company's consents to its
     * category (consent is given per category, before the connection exists). Scoped by company. A connection records
     * an event at every sync, so its own are read newest first and no more than the page shows (index on connection
     * and time); the company's consents are few, each given or withdrawn by hand.
     */
    public ConnectionTrail forConnection(long companyId, long connectionId, Category category, int limit) {
        List<AuditEvent> events = new ArrayList<>(AuditEvent.<AuditEvent>find(
                        "companyId = ?1 and connectionId = ?2 order by occurredAt desc, id desc",
                        companyId,
                        connectionId)
                .page(0, limit + 1)
                .list());
        // Two parameters rather than "type in" a list: Hibernate translates a query with a list parameter again on
        // every call, since its SQL depends on the list's length.
        AuditEvent.<AuditEvent>list(
                        "companyId = ?1 and (type = ?2 or type = ?3) and connectionId is null",
                        companyId,
                        AuditType.CONSENT_GIVEN,
                        AuditType.CONSENT_WITHDRAWN)
                .stream()
                .filter(e -> e.categories().contains(category))
                .forEach(events::add);
        events.sort(Comparator.comparing((AuditEvent e) -> e.occurredAt)
                .thenComparing(e -> e.id)
                .reversed());
        return events.size() > limit
                ? new ConnectionTrail(List.copyOf(events.subList(0, limit)), true)
                : new ConnectionTrail(events, false);
    }

    /**
     * One page of the company's trail, newest first: events of every connection, deleted ones too, and its consents.
     * {@code before} is the id of the last event of the previous page (empty for the newest). Reads at most
     * {@code size + 1} rows of the index on company and id, to know whether an older page exists.
     */
    public ActivityPage page(long companyId, Optional<Long> before, int size) {
        List<AuditEvent> rows = before.isPresent()
                ? AuditEvent.<AuditEvent>find("companyId = ?1 and id < ?2 order by id desc", companyId, before.get())
                        .page(0, size + 1)
                        .list()
                : AuditEvent.<AuditEvent>find("companyId = ?1 order by id desc", companyId)
                        .page(0, size + 1)
                        .list();
        boolean older = rows.size() > size;
        List<AuditEvent> events = older ? rows.subList(0, size) : rows;
        return new ActivityPage(
                events, older ? Optional.of(events.get(events.size() - 1).id) : Optional.empty(), before.isPresent());
    }

    /** A page of {@link #page}: its events, the cursor of the next older page if there is one, and whether it is the first. */
    public record ActivityPage(List<AuditEvent> events, Optional<Long> olderBefore, boolean notNewest) {}

    /**
     * For a company being deleted, in the caller's transaction: its trail is reduced to the tombstones the law needs
     * ({@link AuditType#TOMBSTONES}: consents given and withdrawn, connections that existed, were deauthorized, revoked
     * and deleted), and no longer says who did what. Every person becomes {@link AuditEvent#ERASED}; details are kept
     * only where they hold no personal data (categories of a consent, a provider's answer to a revocation).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reduceToTombstones(long companyId) {
        // Native SQL: the entity is immutable to Hibernate, which is right for everything but this erasure.
        var em = Panache.getEntityManager();
        em.createNativeQuery("delete from audit_event where company_id = ?1 and type not in ("
                        + names(AuditType.TOMBSTONES) + ")")
                .setParameter(1, companyId)
                .executeUpdate();
        em.createNativeQuery("update audit_event set actor = ?1 where company_id = ?2 and actor <> ?3")
                .setParameter(1, AuditEvent.ERASED)
                .setParameter(2, companyId)
                .setParameter(3, AuditEvent.SYSTEM)
                .executeUpdate();
        em.createNativeQuery("update audit_event set detail = null where company_id = ?1 and type not in ("
                        + names(Set.of(
                                AuditType.CONSENT_GIVEN,
                                AuditType.CONSENT_WITHDRAWN,
                                AuditType.REVOCATION_PENDING,
                                AuditType.REVOCATION_IMPOSSIBLE))
                        + ")")
                .setParameter(1, companyId)
                .executeUpdate();
    }

    /** Constant names as SQL literals: enum names, never input, so no quoting can go wrong. */
    private static String names(Set<AuditType> types) {
        return types.stream().map(t -> "'" + t.name() + "'").sorted().collect(Collectors.joining(", "));
    }

    /** Everything recorded for a company, newest first (export, support). */
    public List<AuditEvent> forCompany(long companyId) {
        return AuditEvent.list("companyId = ?1 order by occurredAt desc, id desc", companyId);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
