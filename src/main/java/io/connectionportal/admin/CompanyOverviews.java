package io.connectionportal.admin;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.connectionportal.audit.AuditEvent;
import io.connectionportal.audit.AuditTrail;
import io.connectionportal.connections.Connection;
import io.connectionportal.consent.ConsentRecord;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.Company;
import io.connectionportal.support.SupportRequest;
import io.connectionportal.sync.SyncHistory;
import io.connectionportal.sync.SyncRunView;
import io.connectionportal.sync.SyncedData;
import io.connectionportal.uploads.IntegrationRequest;
import io.connectionportal.uploads.Upload;

/**
 * Everything the back office shows of one company, read-only: a fixed number of queries whatever the company holds
 * (every list is bounded and every per-connection figure is read for all connections at once).
 */
@ApplicationScoped
class CompanyOverviews {

    /** The most rows each list shows; its heading gives the full count. */
    static final int LIST_MAX = 50;

    static final int ACTIVITY_PAGE = 20;

    /** A connection, its platform's name and how many records of each of its category's data types it holds. */
    record ConnectionLine(Connection connection, String platformName, List<DataCount> data) {}

    record DataCount(DataType type, long records) {}

    /** A line of the activity or of the sync history, with the platform it concerns. */
    record ActivityLine(AuditEvent event, String platformName) {}

    record RunLine(long connectionId, String platformName, SyncRunView run) {}

    /** A bounded list and how many there are in all. */
    record Counted<T>(List<T> items, long total) {
        public boolean more() {
            return total > items.size();
        }
    }

    record Overview(
            Company company,
            List<ConnectionLine> connections,
            Counted<ConsentRecord> consents,
            List<ActivityLine> activity,
            Optional<Long> activityOlderBefore,
            boolean activityNotNewest,
            List<RunLine> syncRuns,
            Counted<Upload> uploads,
            Counted<IntegrationRequest> integrationRequests,
            Counted<SupportRequest> supportRequests) {}

    private final PlatformCatalog catalog;
    private final AuditTrail audit;
    private final SyncHistory syncHistory;
    private final SyncedData syncedData;

    CompanyOverviews(PlatformCatalog catalog, AuditTrail audit, SyncHistory syncHistory, SyncedData syncedData) {
        this.catalog = catalog;
        this.audit = audit;
        this.syncHistory = syncHistory;
        this.syncedData = syncedData;
    }

    /** The company's overview; empty when there is no company with this id. */
    @Transactional
    Optional<Overview> of(long companyId, Optional<Long> activityBefore) {
        Company company = Company.findById(companyId);
        if (company == null) {
            return Optional.empty();
        }
        List<Connection> connections = Connection.list("companyId = ?1 order by id", companyId);
        Map<Long, Map<DataType, Long>> counts =
                syncedData.counts(companyId, connections.stream().map(c -> c.id).toList());
        Map<Long, String> platformOf = new HashMap<>();
        List<ConnectionLine> connectionLines = connections.stream()
                .map(c -> {
                    platformOf.put(c.id, platformName(c.platformKey));
                    List<DataCount> data = Arrays.stream(DataType.values())
                            .filter(t -> t.category() == c.category)
                            .map(t -> new DataCount(t, counts.get(c.id).getOrDefault(t, 0L)))
                            .toList();
                    return new ConnectionLine(c, platformOf.get(c.id), data);
                })
                .toList();
        AuditTrail.ActivityPage activity = audit.page(companyId, activityBefore, ACTIVITY_PAGE);
        List<ActivityLine> activityLines = activity.events().stream()
                .map(e -> new ActivityLine(e, e.platformKey == null ? "" : platformName(e.platformKey)))
                .toList();
        List<RunLine> runs = syncHistory.forCompany(companyId, LIST_MAX).stream()
                .map(r -> new RunLine(r.connectionId(), platformOf.getOrDefault(r.connectionId(), ""), r.run()))
                .toList();
        return Optional.of(new Overview(
                company,
                connectionLines,
                new Counted<>(
                        ConsentRecord.<ConsentRecord>find("companyId = ?1 order by givenAt desc, id desc", companyId)
                                .page(0, LIST_MAX)
                                .list(),
                        ConsentRecord.count("companyId", companyId)),
                activityLines,
                activity.olderBefore(),
                activity.notNewest(),
                runs,
                new Counted<>(
                        Upload.<Upload>find("companyId = ?1 order by uploadedAt desc, id desc", companyId)
                                .page(0, LIST_MAX)
                                .list(),
                        Upload.count("companyId", companyId)),
                new Counted<>(
                        IntegrationRequest.<IntegrationRequest>find(
                                        "companyId = ?1 order by createdAt desc, id desc", companyId)
                                .page(0, LIST_MAX)
                                .list(),
                        IntegrationRequest.count("companyId", companyId)),
                new Counted<>(
                        SupportRequest.<SupportRequest>find(
                                        "companyId = ?1 order by createdAt desc, id desc", companyId)
                                .page(0, LIST_MAX)
                                .list(),
                        SupportRequest.count("companyId", companyId))));
    }

    String platformName(String key) {
        return catalog.find(key).map(Platform::name).orElse(key);
    }
}
