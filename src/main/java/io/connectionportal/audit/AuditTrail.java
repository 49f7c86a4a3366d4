package io.connectionportal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    /**
     * A connection's trail, newest first: its own events and the company's consents to its category
     * (consent is given per category, before the connection exists). Scoped by company.
     */
    public List<AuditEvent> forConnection(long companyId, long connectionId, Category category) {
        List<AuditEvent> events = new ArrayList<>(
                AuditEvent.<AuditEvent>list("companyId = ?1 and connectionId = ?2", companyId, connectionId));
        AuditEvent.<AuditEvent>list(
                        "companyId = ?1 and type = ?2 and connectionId is null", companyId, AuditType.CONSENT_GIVEN)
                .stream()
                .filter(e -> e.categories().contains(category))
                .forEach(events::add);
        events.sort(Comparator.comparing((AuditEvent e) -> e.occurredAt)
                .thenComparing(e -> e.id)
                .reversed());
        return events;
    }

    /** Everything recorded for a company, newest first (export, support). */
    public List<AuditEvent> forCompany(long companyId) {
        return AuditEvent.list("companyId = ?1 order by occurredAt desc, id desc", companyId);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
