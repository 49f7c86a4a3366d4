package io.connectionportal.admin;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connections.Connection;
import io.connectionportal.platforms.DataType;
import io.connectionportal.shared.Company;
import io.connectionportal.sync.SyncedData;

/** Reads a page of one connection's synced records for the back office. */
@ApplicationScoped
class DataBrowser {

    static final int PAGE_SIZE = 25;

    record View(Company company, Connection connection, DataTable table) {}

    private final SyncedData syncedData;

    DataBrowser(SyncedData syncedData) {
        this.syncedData = syncedData;
    }

    /** Empty when there is no such company, or the connection is not that company's. */
    Optional<View> view(long companyId, long connectionId, DataType type, Optional<Long> after) {
        Optional<View> found = QuarkusTransaction.requiringNew().call(() -> {
            Company company = Company.findById(companyId);
            if (company == null) {
                return Optional.<View>empty();
            }
            return Connection.ofCompany(companyId, connectionId)
                    .map(connection -> new View(
                            company,
                            connection,
                            DataTable.of(
                                    syncedData.page(companyId, connectionId, type, after, PAGE_SIZE),
                                    after.isPresent())));
        });
        return found;
    }
}
