package io.connectionportal.admin;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.audit.DataReads;
import io.connectionportal.connections.Connection;
import io.connectionportal.platforms.DataType;
import io.connectionportal.shared.Company;
import io.connectionportal.sync.SyncedData;
import io.connectionportal.sync.SyncedData.PagedRecord;

/** Reads a page of one connection's synced records for the back office, and records that staff viewed it. */
@ApplicationScoped
class DataBrowser {

    static final int PAGE_SIZE = 25;

    record View(Company company, Connection connection, DataTable table) {}

    private final SyncedData syncedData;
    private final DataReads dataReads;

    DataBrowser(SyncedData syncedData, DataReads dataReads) {
        this.syncedData = syncedData;
        this.dataReads = dataReads;
    }

    /**
     * Empty when there is no such company, or the connection is not that company's. Reads one more record than the
     * page shows, to know whether a next page exists, and records the view as a read by {@code staffEmail}, which
     * the business sees, in the same transaction.
     */
    Optional<View> view(long companyId, long connectionId, DataType type, Optional<Long> after, String staffEmail) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Company company = Company.findById(companyId);
            if (company == null) {
                return Optional.<View>empty();
            }
            return Connection.ofCompany(companyId, connectionId).map(connection -> {
                List<PagedRecord> rows =
                        syncedData.page(companyId, connectionId, type, after.orElse(0L), PAGE_SIZE + 1);
                boolean more = rows.size() > PAGE_SIZE;
                List<PagedRecord> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
                dataReads.recordStaffView(companyId, connectionId, connection.platformKey, type, staffEmail);
                return new View(
                        company,
                        connection,
                        DataTable.of(
                                shown,
                                more ? Optional.of(shown.get(shown.size() - 1).id()) : Optional.empty(),
                                after.isPresent()));
            });
        });
    }
}
