package io.connectionportal.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * A {@code select count(*)} query written out, for code that runs on every view or poll. Panache's {@code count()}
 * has Hibernate build and translate a count query to SQL on every call; a query written out is translated once.
 */
public final class Counts {

    private Counts() {}

    /** The count the query gives, its parameters numbered {@code ?1}, {@code ?2}… in order. */
    public static long of(EntityManager entityManager, String countQuery, Object... parameters) {
        TypedQuery<Long> query = entityManager.createQuery(countQuery, Long.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getSingleResult();
    }
}
