package io.connectionportal.connect;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.connections.CompanyConnections;
import io.connectionportal.connections.Connection;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.PlatformStatus;
import io.connectionportal.platforms.PlatformStatuses;

/** The picker's view of a company's connections, from the one read the page shares with its layout. */
@ApplicationScoped
class ConnectionStatuses implements PlatformStatuses {

    private final CompanyConnections connections;

    ConnectionStatuses(CompanyConnections connections) {
        this.connections = connections;
    }

    @Override
    public Map<String, PlatformStatus> forCompany(long companyId) {
        Map<String, PlatformStatus> statuses = new HashMap<>();
        for (Connection c : connections.of(companyId)) {
            PlatformStatus current = statuses.getOrDefault(c.platformKey, PlatformStatus.NONE);
            statuses.put(
                    c.platformKey,
                    new PlatformStatus(
                            current.linked() + (c.linked() ? 1 : 0), current.pending() + (c.pending() ? 1 : 0)));
        }
        return statuses;
    }

    @Override
    public Set<Category> connectedCategories(long companyId) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        connections.of(companyId).stream().filter(Connection::linked).forEach(c -> categories.add(c.category));
        return categories;
    }
}
