package io.connectionportal.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.platforms.Category;

/**
 * Records the steps of the connection funnel, server-side, for the monitor (O1–O4) and the metrics.
 *
 * <p>An event holds the step, the category and platform where they apply, and the time: no e-mail,
 * name, address or user agent, and no user or company id either. The company id passed in is used
 * only to keep {@code company_milestone} (when a company signed up, first authorized a connection,
 * first uploaded a file, and the day of its last flow start, so that a flow counts once a day), which
 * the monitor needs and which can be had in no other way once connections can be deleted; a company id
 * is an opaque number for the business, not a person.
 *
 * <p>Each event also adds one to its row in {@code funnel_daily}, in the same transaction, so the
 * monitor never has to count the events themselves. The transaction is a new one: recording never
 * joins, and never fails, the request that records; a problem is logged and the request goes on.
 */
@ApplicationScoped
public class FunnelEvents {

    static final String NONE = "";

    private static final String ADD_TO_DAY = """
            merge into funnel_daily d
            using (select cast(?1 as date) as event_day, cast(?2 as varchar(40)) as step,
                          cast(?3 as varchar(20)) as category, cast(?4 as varchar(40)) as platform) s
            on (d.event_day = s.event_day and d.step = s.step and d.category = s.category and d.platform = s.platform)
            when matched then update set events = d.events + 1
            when not matched then insert (event_day, step, category, platform, events)
                values (s.event_day, s.step, s.category, s.platform, 1)""";

    /** Keeps the earliest instant per company; {@code %s} is one of the three milestone columns, never input. */
    private static final String MILESTONE = """
            merge into company_milestone m
            using (select cast(?1 as bigint) as company_id, cast(?2 as timestamp with time zone) as reached_at) s
            on (m.company_id = s.company_id)
            when matched and (m.%1$s is null or m.%1$s > s.reached_at) then update set %1$s = s.reached_at
            when not matched then insert (company_id, %1$s) values (s.company_id, s.reached_at)""";

    private final EntityManager entityManager;
    private final PortalMetrics metrics;
    private final FlowStarts flowStarts;

    FunnelEvents(EntityManager entityManager, PortalMetrics metrics, FlowStarts flowStarts) {
        this.entityManager = entityManager;
        this.metrics = metrics;
        this.flowStarts = flowStarts;
    }

    /**
     * Records that {@code step} happened now. {@code category}, {@code platformKey} and
     * {@code companyId} may be null where they do not apply. Never throws.
     */
    public void record(FunnelStep step, Category category, String platformKey, Long companyId) {
        record(step, category, platformKey, companyId, Instant.now());
    }

    /** The same at a given instant: for tests and imports of past events. */
    void record(FunnelStep step, Category category, String platformKey, Long companyId, Instant at) {
        if (!counted(step, companyId, at)) {
            return;
        }
        metrics.funnelStep(step, category, platformKey);
        try {
            store(step, category, platformKey, companyId, at);
        } catch (RuntimeException first) {
            // The first event of a day for a key can race another one's insert of that row; once more sees the row.
            try {
                store(step, category, platformKey, companyId, at);
            } catch (RuntimeException again) {
                Log.warnf("Could not record the funnel event %s: %s", step, again.toString());
            }
        }
    }

    /** A company's flow starts once a day; a start by no known company, and every other step, always counts. */
    private boolean counted(FunnelStep step, Long companyId, Instant at) {
        if (step != FunnelStep.VALUE_EXCHANGE_VIEWED || companyId == null) {
            return true;
        }
        try {
            return flowStarts.firstOfDay(companyId, at);
        } catch (RuntimeException raced) {
            // Two first views at once (the other inserted the row and counts the start), or no database: never thrown.
            return false;
        }
    }

    private void store(FunnelStep step, Category category, String platformKey, Long companyId, Instant at) {
        String platform = platformKey == null || platformKey.length() > 40 ? null : platformKey;
        QuarkusTransaction.requiringNew().run(() -> {
            FunnelEvent event = new FunnelEvent();
            event.step = step.name();
            event.category = category == null ? null : category.key();
            event.platform = platform;
            event.occurredAt = at;
            entityManager.persist(event);

            entityManager
                    .createNativeQuery(ADD_TO_DAY)
                    .setParameter(1, LocalDate.ofInstant(at, ZoneOffset.UTC))
                    .setParameter(2, event.step)
                    .setParameter(3, event.category == null ? NONE : event.category)
                    .setParameter(4, platform == null ? NONE : platform)
                    .executeUpdate();

            String milestone = milestoneColumn(step);
            if (milestone != null && companyId != null) {
                entityManager
                        .createNativeQuery(MILESTONE.formatted(milestone))
                        .setParameter(1, companyId)
                        .setParameter(2, at)
                        .executeUpdate();
            }
        });
    }

    private static String milestoneColumn(FunnelStep step) {
        return switch (step) {
            case SIGNED_UP -> "signed_up_at";
            case AUTHORIZATION_COMPLETED -> "first_authorized_at";
            case FILE_UPLOADED -> "first_upload_at";
            default -> null;
        };
    }
}
