package io.connectionportal.monitor;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
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
                rows.add(new Row(signedUp, "SIGNED_UP", signedUp));
                if (authorized != null) {
                    rows.add(new Row(signedUp, "AUTHORIZED", authorized));
                }
                if (uploaded != null) {
                    rows.add(new Row(signedUp, "UPLOADED", uploaded));
                }
            }
            return rows;
        }
    }

    /** A row of {@code company_cohort_daily}. */
    record Row(LocalDate signupDay, String milestone, LocalDate reachedDay) {}

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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select signed_up_at, first_authorized_at, first_upload_at from company_milestone"
                        + " where company_id = ?1 for update")
                .setParameter(1, companyId)
                .getResultList();
        if (rows.isEmpty()) {
            return Days.NONE;
        }
        Object[] row = rows.get(0);
        return new Days(day(row[0]), day(row[1]), day(row[2]));
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
                .setParameter(2, row.milestone())
                .setParameter(3, row.reachedDay())
                .setParameter(4, companies)
                .executeUpdate();
    }

    /** The UTC day of a timestamp as the driver returns it (H2 and PostgreSQL differ). */
    private static LocalDate day(Object value) {
        Instant at;
        if (value == null) {
            return null;
        } else if (value instanceof OffsetDateTime time) {
            at = time.toInstant();
        } else if (value instanceof ZonedDateTime time) {
            at = time.toInstant();
        } else if (value instanceof Timestamp time) {
            at = time.toInstant();
        } else if (value instanceof Instant time) {
            at = time;
        } else {
            throw new IllegalStateException("Unexpected timestamp " + value.getClass());
        }
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
