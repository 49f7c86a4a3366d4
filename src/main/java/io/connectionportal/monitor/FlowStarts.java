package io.connectionportal.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Makes "Started the flow" one flow per company per UTC day: a business that opens the value-exchange page
 * three times in a morning started one flow. The day of its last counted start sits beside its milestones,
 * an opaque company id as there, so events still say nothing about who.
 */
@ApplicationScoped
class FlowStarts {

    /** Touches the row only when the day differs, so it reports 1 for the first start of a day and 0 after. */
    private static final String CLAIM_DAY = """
            merge into company_milestone m
            using (select cast(?1 as bigint) as company_id, cast(?2 as date) as flow_day) s
            on (m.company_id = s.company_id)
            when matched and (m.last_flow_day is null or m.last_flow_day <> s.flow_day)
                then update set last_flow_day = s.flow_day
            when not matched then insert (company_id, last_flow_day) values (s.company_id, s.flow_day)""";

    private final EntityManager entityManager;

    FlowStarts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * True when this is the company's first flow of that day, claiming the day in the caller's transaction (the
     * writing of a batch of events); throws when the database says no.
     */
    boolean firstOfDay(long companyId, Instant at) {
        return entityManager
                        .createNativeQuery(CLAIM_DAY)
                        .setParameter(1, companyId)
                        .setParameter(2, LocalDate.ofInstant(at, ZoneOffset.UTC))
                        .executeUpdate()
                > 0;
    }
}
