package io.connectionportal.access;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

import io.connectionportal.connections.Connection;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.PortalConfig;

/**
 * When a linked connection's access ends because its platform limits it (open-banking consent): the link plus the
 * platform's access lifetime. Reads no database, only the connection already loaded; templates use it as
 * {@code inject:accessEnds}.
 */
@ApplicationScoped
@Named("accessEnds")
@TemplateData
public class AccessEnds {

    private final PlatformCatalog catalog;
    private final Connectors connectors;
    private final PortalConfig config;

    AccessEnds(PlatformCatalog catalog, Connectors connectors, PortalConfig config) {
        this.catalog = catalog;
        this.connectors = connectors;
        this.config = config;
    }

    /** The end of the connection's access, when it is linked and its platform sets one. */
    public Optional<Instant> of(Connection connection) {
        if (!connection.linked() || connection.linkedAt == null) {
            return Optional.empty();
        }
        return catalog.find(connection.platformKey)
                .flatMap(connectors::accessLifetime)
                .map(connection.linkedAt::plus);
    }

    /** Whether the end is near enough ({@code portal.access.renew-before}) to ask the business to reconnect now. */
    public boolean renewalDue(Connection connection) {
        return renewalDue(connection, Instant.now());
    }

    boolean renewalDue(Connection connection, Instant now) {
        return of(connection)
                .filter(end -> !now.isBefore(end.minus(config.access().renewBefore())))
                .isPresent();
    }
}
