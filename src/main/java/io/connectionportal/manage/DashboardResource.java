package io.connectionportal.manage;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.connections.CompanyConnections;
import io.connectionportal.connections.Connection;
import io.connectionportal.consent.StrengthMeter;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.sync.ConnectionMetadata;
import io.connectionportal.sync.ConnectionOverview;
import io.connectionportal.sync.ProviderApis;
import io.connectionportal.sync.SyncHistory;
import io.connectionportal.sync.SyncSummary;
import io.connectionportal.uploads.Upload;
import io.connectionportal.uploads.Uploads;

/**
 * The company's connections (M1, M4): each platform with its status, who connected it, its sync dates,
 * what it identifies (legal name, currency, bank accounts) and how many records were read; and who read its data.
 */
@Path("/connections")
@Authenticated
class DashboardResource {

    @TemplateData
    record Row(
            Connection connection,
            Platform platform,
            SyncSummary sync,
            ConnectionMetadata metadata,
            Map<DataType, Long> counts,
            /** Whether the platform's data is read at all: a card says so plainly when it is not. */
            boolean readable) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(
                List<Row> rows,
                StrengthMeter strength,
                boolean anySyncing,
                List<Upload> files,
                DataType[] dataTypes,
                ReadLines.Lines reads);
    }

    private final PlatformCatalog catalog;
    private final CurrentUser viewer;
    private final SyncHistory history;
    private final Uploads uploads;
    private final ReadLines reads;
    private final ProviderApis apis;
    private final CompanyConnections companyConnections;

    DashboardResource(
            CompanyConnections companyConnections,
            PlatformCatalog catalog,
            CurrentUser viewer,
            SyncHistory history,
            Uploads uploads,
            ReadLines reads,
            ProviderApis apis) {
        this.companyConnections = companyConnections;
        this.apis = apis;
        this.reads = reads;
        this.catalog = catalog;
        this.viewer = viewer;
        this.history = history;
        this.uploads = uploads;
    }

    /**
     * Every connection with its sync summary, metadata and record counts: the connections and their overview in two
     * queries, however many connections (DashboardQueriesTest counts the page's statements).
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        long company = viewer.companyId();
        List<Connection> connections = companyConnections.of(company);
        List<Long> ids = connections.stream().map(c -> c.id).toList();
        Map<Long, ConnectionOverview> overviews = history.overview(company, ids);
        List<Row> rows = connections.stream()
                .flatMap(c -> catalog.find(c.platformKey).map(p -> row(c, p, overviews.get(c.id))).stream())
                .toList();
        Set<Category> connected = EnumSet.noneOf(Category.class);
        connections.stream().filter(Connection::linked).forEach(c -> connected.add(c.category));
        return Templates.dashboard(
                UnfinishedAttempts.shown(rows, Row::connection),
                StrengthMeter.of(connected),
                rows.stream().anyMatch(r -> r.sync().syncing()),
                uploads.list(),
                heldTypes(rows),
                reads.ofCompany(company, ReadLines.DASHBOARD));
    }

    private Row row(Connection connection, Platform platform, ConnectionOverview overview) {
        return new Row(
                connection,
                platform,
                overview.sync(),
                overview.metadata(),
                overview.counts(),
                apis.readable(platform, connection.sandbox));
    }

    /** The data types the company holds records of, in the enum's order: an export is offered only for those. */
    private static DataType[] heldTypes(List<Row> rows) {
        Set<DataType> held = EnumSet.noneOf(DataType.class);
        rows.forEach(row -> row.counts().forEach((type, count) -> {
            if (count > 0) {
                held.add(type);
            }
        }));
        return held.toArray(DataType[]::new);
    }
}
