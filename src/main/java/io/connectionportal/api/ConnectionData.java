package io.connectionportal.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.audit.DataReads;
import io.connectionportal.connections.Connection;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.sync.SyncHistory;
import io.connectionportal.sync.SyncRunView;
import io.connectionportal.sync.SyncedData;

/**
 * A connection's synced records and sync history, a page at a time. Every page of records served is one row of
 * {@link DataReads}, naming the API key: the business sees who read its data.
 */
@ApplicationScoped
class ConnectionData {

    private final ApiConnections connections;
    private final SyncedData data;
    private final SyncHistory history;
    private final PlatformCatalog catalog;
    private final DataReads reads;

    ConnectionData(
            ApiConnections connections,
            SyncedData data,
            SyncHistory history,
            PlatformCatalog catalog,
            DataReads reads) {
        this.connections = connections;
        this.data = data;
        this.history = history;
        this.catalog = catalog;
        this.reads = reads;
    }

    /**
     * Records of one type, oldest stored first, from {@code cursor}. 404 for a data type the portal does not know, or
     * one the connection's platform does not offer; checks come before the read, so a refused request is not recorded.
     */
    Page<RecordView> records(
            long companyId, long connectionId, String typeKey, String limitText, String cursor, String reader) {
        Connection connection = connections.require(companyId, connectionId);
        DataType type = dataType(typeKey);
        Optional<Platform> platform = catalog.find(connection.platformKey);
        if (platform.isPresent() && !platform.get().reads().contains(type)) {
            throw new ProblemException(Problem.of(
                    404,
                    "data-type-not-offered",
                    "Data type not offered",
                    platform.get().name() + " does not offer " + type.key() + "; its data types are "
                            + keys(platform.get().reads()) + "."));
        }
        int limit = Page.limit(limitText);
        long after = Page.after(cursor);
        List<SyncedData.PagedRecord> found = data.page(companyId, connectionId, type, after, limit + 1);
        List<SyncedData.PagedRecord> shown = found.stream().limit(limit).toList();
        reads.recordApiRead(companyId, connectionId, connection.platformKey, type, reader);
        String next =
                found.size() > limit ? Page.cursorAfter(shown.get(limit - 1).id()) : null;
        return new Page<>(
                shown.stream()
                        .map(r -> new RecordView(r.externalId(), r.syncedAt(), r.payload()))
                        .toList(),
                next);
    }

    /** Finished syncs, newest first, from {@code cursor}. */
    Page<SyncView> syncs(long companyId, long connectionId, String limitText, String cursor) {
        connections.require(companyId, connectionId);
        int limit = Page.limit(limitText);
        long before = cursor == null ? Long.MAX_VALUE : Page.after(cursor);
        List<SyncRunView> found = history.page(companyId, connectionId, before, limit + 1);
        List<SyncRunView> shown = found.stream().limit(limit).toList();
        String next =
                found.size() > limit ? Page.cursorAfter(shown.get(limit - 1).id()) : null;
        return new Page<>(shown.stream().map(SyncView::of).toList(), next);
    }

    private static DataType dataType(String key) {
        return Arrays.stream(DataType.values())
                .filter(t -> t.key().equals(key == null ? "" : key.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of(
                        404,
                        "unknown-data-type",
                        "Unknown data type",
                        "No data type with this name; the data types are " + keys(Arrays.asList(DataType.values()))
                                + ".")));
    }

    private static String keys(List<DataType> types) {
        return types.stream().map(DataType::key).collect(Collectors.joining(", "));
    }
}
