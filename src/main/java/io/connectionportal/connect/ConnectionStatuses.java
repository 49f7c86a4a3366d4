package io.connectionportal.connect;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.connections.Connection;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.PlatformStatus;
import io.connectionportal.platforms.PlatformStatuses;

/** The picker's view of a company's connections, from one query. */
@ApplicationScoped
class ConnectionStatuses implements PlatformStatuses {

    @Override
    public Map<String, PlatformStatus> forCompany(long companyId) {
        Map<String, PlatformStatus> statuses = new HashMap<>();
        for (Connection c : Connection.ofCompany(companyId)) {
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
        Connection.ofCompany(companyId).stream().filter(Connection::linked).forEach(c -> categories.add(c.category));
        return categories;
    }
}
