package io.connectionportal.testing;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.quarkus.arc.Arc;

/** Counts the SQL statements Hibernate prepares while something runs (statistics are on in the test profile). */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static long during(Runnable action) {
        Statistics statistics = Arc.container().instance(EntityManagerFactory.class).get()
                .unwrap(SessionFactory.class).getStatistics();
        long before = statistics.getPrepareStatementCount();
        action.run();
        return statistics.getPrepareStatementCount() - before;
    }
}
