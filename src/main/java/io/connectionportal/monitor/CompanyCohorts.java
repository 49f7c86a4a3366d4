package io.connectionportal.monitor;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps {@code company_cohort_daily} in step with {@code company_milestone}: for each day companies signed up, how many
 * reached each milestone on each day. The monitor counts a period's companies from those rows, a few a day, so its
 * time does not grow with the number of companies. Called in the transaction that changes a company's milestones.
 */
@ApplicationScoped
class CompanyCohorts {

    /** A company's milestone days (UTC), null where not reached. */
    record Days(LocalDate signedUp, LocalDate authorized, LocalDate uploaded) {

        static final Days NONE = new Days(null, null, null);

        /** The rows this company counts in; none until it has signed up, as the monitor counts companies by sign-up. */
        Set<Row> rows() {
            Set<Row> rows = new HashSet<>();
            if (signedUp != null) {
                rows.add(new Row(signedUp, Milestone.SIGNED_UP, signedUp));
                if (authorized != null) {
                    rows.add(new Row(signedUp, Milestone.AUTHORIZED, authorized));
                }
                if (uploaded != null) {
                    rows.add(new Row(signedUp, Milestone.UPLOADED, uploaded));
                }
            }
            return rows;
        }
    }

    /** A row of {@code company_cohort_daily}. */
    record Row(LocalDate signupDay, Milestone milestone, LocalDate reachedDay) {}

    private static final String ADD = """
            merge into company_cohort_daily d
            using (select cast(?1 as date) as signup_day, cast(?2 as varchar(20)) as milestone,
                          cast(?3 as date) as reached_day) s
            on (d.signup_day = s.signup_day and d.milestone = s.milestone and d.reached_day = s.reached_day)
            when matched then update set companies = d.companies + ?4
            when not matched then insert (signup_day, milestone, reached_day, companies)
                values (s.signup_day, s.milestone, s.reached_day, ?4)""";

    private final EntityManager entityManager;

    CompanyCohorts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The company's milestone days, its row locked until the transaction ends so two writers move it one at a time. */
    Days lock(long companyId) {
        // The UTC day as V32 took it, so the rows moved are the rows the migration filled.
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                entityManager.createNativeQuery("""
                        select cast(signed_up_at at time zone 'UTC' as date),
                               cast(first_authorized_at at time zone 'UTC' as date),
                               cast(first_upload_at at time zone 'UTC' as date)
                        from company_milestone where company_id = ?1 for update""").setParameter(1, companyId).getResultList();
        if (rows.isEmpty()) {
            return Days.NONE;
        }
        Object[] row = rows.get(0);
        return new Days(DateRange.day(row[0]), DateRange.day(row[1]), DateRange.day(row[2]));
    }

    /** Moves the company from the rows it counted in to those it counts in now; nothing when its days did not change. */
    void move(Days before, Days after) {
        Set<Row> left = before.rows();
        Set<Row> joined = after.rows();
        left.stream().filter(row -> !joined.contains(row)).forEach(row -> add(row, -1));
        joined.stream().filter(row -> !left.contains(row)).forEach(row -> add(row, 1));
    }

    private void add(Row row, int companies) {
        entityManager
                .createNativeQuery(ADD)
                .setParameter(1, row.signupDay())
                .setParameter(2, row.milestone().name())
                .setParameter(3, row.reachedDay())
                .setParameter(4, companies)
                .executeUpdate();
    }
}
