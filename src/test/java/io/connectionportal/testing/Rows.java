package io.connectionportal.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;

/** Counts and reads rows straight from the database, so tests check what was stored, not what a page says. */
public final class Rows {

    private Rows() {}

    public static long count(String table) {
        return ((Number) single("select count(*) from " + table)).longValue();
    }

    public static long count(String table, String where, Object... params) {
        return ((Number) single("select count(*) from " + table + " where " + where, params)).longValue();
    }

    public static Object single(String sql, Object... params) {
        return Arc.container().instance(Reader.class).get().single(sql, params);
    }

    /** Changes rows directly, for states a test cannot wait for (an expired link). */
    /** A timestamp column's value: H2 gives an OffsetDateTime, PostgreSQL an Instant, older drivers a Timestamp. */
    public static java.time.Instant instant(String sql, Object... params) {
        Object value = single(sql, params);
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }

    public static int execute(String sql, Object... params) {
        return Arc.container().instance(Reader.class).get().execute(sql, params);
    }

    @ApplicationScoped
    public static class Reader {
        @Transactional
        public int execute(String sql, Object... params) {
            var query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        }

        @ActivateRequestContext
        public Object single(String sql, Object... params) {
            var query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getSingleResult();
        }
    }
}
