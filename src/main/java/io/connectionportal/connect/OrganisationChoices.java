package io.connectionportal.connect;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.connections.Connection;
import io.connectionportal.shared.Counts;

/** For pages: whether a connection waits for the business to choose its organisation ({@link OrganisationResource}). */
@ApplicationScoped
public class OrganisationChoices {

    public boolean pending(Connection connection) {
        return connection.providerAccountId == null
                && Counts.of(
                                ProviderAccountChoice.getEntityManager(),
                                "select count(*) from ProviderAccountChoice where companyId = ?1 and connectionId = ?2",
                                connection.companyId,
                                connection.id)
                        > 0;
    }
}
