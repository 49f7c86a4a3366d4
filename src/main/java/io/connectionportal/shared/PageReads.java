package io.connectionportal.shared;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.Session;

/**
 * A page view's reads: one transaction of their own (one session, one pooled connection, one commit, where each read
 * would otherwise take its own), in which Hibernate loads entities read-only. A page view writes nothing, so there is
 * nothing to keep a copy of each entity for, nor to compare it with at the commit.
 */
@ApplicationScoped
public class PageReads {

    private final Session session;

    PageReads(Session session) {
        this.session = session;
    }

    public <T> T of(Supplier<T> reads) {
        // A transaction of its own, so that read-only never reaches the entities of a transaction it would have joined.
        return QuarkusTransaction.requiringNew().call(() -> {
            session.setDefaultReadOnly(true);
            return reads.get();
        });
    }
}
