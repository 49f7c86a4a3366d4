package io.connectionportal.connect;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.connections.Connection;

/** For pages: whether a connection waits for the business to choose its organisation ({@link OrganisationResource}). */
@ApplicationScoped
public class OrganisationChoices {

    public boolean pending(Connection connection) {
        // A count query of its own: Panache's count() has Hibernate translate the query to SQL again on every call.
        return connection.providerAccountId == null
                && ProviderAccountChoice.getEntityManager()
                                .createQuery(
                                        "select count(*) from ProviderAccountChoice where companyId = ?1 and connectionId = ?2",
                                        Long.class)
                                .setParameter(1, connection.companyId)
                                .setParameter(2, connection.id)
                                .getSingleResult()
                        > 0;
    }
}
