package io.connectionportal.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connections.Connection;
import io.connectionportal.shared.Company;
import io.connectionportal.sync.SyncHistory;
import io.connectionportal.sync.SyncSummary;

/** A company's connections for the API: read-only, always looked up with the company, never with a token. */
@ApplicationScoped
class ApiConnections {

    private final SyncHistory syncs;

    ApiConnections(SyncHistory syncs) {
        this.syncs = syncs;
    }

    Page<ConnectionView> page(long companyId, long after, int limit) {
        requireCompany(companyId);
        List<Connection> found = QuarkusTransaction.requiringNew()
                .call(() -> Connection.<Connection>find("companyId = ?1 and id > ?2 order by id", companyId, after)
                        .page(0, limit + 1)
                        .list());
        List<Connection> shown = found.stream().limit(limit).toList();
        List<ConnectionView> views = views(companyId, shown);
        String next = found.size() > limit ? Page.cursorAfter(shown.get(limit - 1).id) : null;
        return new Page<>(views, next);
    }

    Optional<ConnectionView> find(long companyId, long connectionId) {
        requireCompany(companyId);
        return QuarkusTransaction.requiringNew()
                .call(() -> Connection.ofCompany(companyId, connectionId))
                .map(c -> views(companyId, List.of(c)).get(0));
    }

    /** The company's connection, detached, for an operation on it: 404 for an unknown company or connection. */
    Connection require(long companyId, long connectionId) {
        requireCompany(companyId);
        return QuarkusTransaction.requiringNew()
                .call(() -> Connection.ofCompany(companyId, connectionId))
                .orElseThrow(Ids::noConnection);
    }

    private List<ConnectionView> views(long companyId, List<Connection> connections) {
        Map<Long, SyncSummary> summaries =
                syncs.summary(companyId, connections.stream().map(c -> c.id).toList());
        return connections.stream()
                .map(c -> new ConnectionView(
                        c.id,
                        c.platformKey,
                        c.category.key(),
                        c.status.name(),
                        c.linkedAt,
                        summaries.get(c.id).lastSync().orElse(null),
                        c.sandbox))
                .toList();
    }

    private static void requireCompany(long companyId) {
        if (QuarkusTransaction.requiringNew().call(() -> Company.count("id = ?1 and deletedAt is null", companyId))
                == 0) {
            throw Ids.noCompany();
        }
    }
}
