package io.connectionportal.manage;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.access.AccessEnds;
import io.connectionportal.connections.CompanyConnections;
import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.consent.StrengthMeter;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CachedForms;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Dates;
import io.connectionportal.shared.KeyText;
import io.connectionportal.shared.PageReads;
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

    /**
     * Everything a connection's card shows, and how its reader reads times: the card's markup is kept under this value
     * ({@code {#cached key=card.key}}) and rendered again only when one of them changes, so the template reads nothing
     * else.
     */
    @TemplateData
    record Card(
            long id,
            Platform platform,
            ConnectionStatus status,
            boolean sandbox,
            Instant createdAt,
            Instant linkedAt,
            String connectedBy,
            boolean viaShareLink,
            SyncSummary sync,
            ConnectionMetadata metadata,
            Map<DataType, Long> counts,
            /** Whether the platform's data is read at all: a card says so plainly when it is not. */
            boolean readable,
            Optional<Instant> accessEnds,
            boolean renewalDue,
            Dates.Reading reading) {

        public boolean linked() {
            return status == ConnectionStatus.LINKED;
        }

        /** The key the card's markup is kept under: all of the above. */
        public String key() {
            return KeyText.of(this);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(
                List<Card> cards,
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
    private final AccessEnds accessEnds;
    private final Dates dates;
    private final CachedForms forms;
    private final PageReads pageReads;

    DashboardResource(
            CompanyConnections companyConnections,
            AccessEnds accessEnds,
            Dates dates,
            CachedForms forms,
            PlatformCatalog catalog,
            CurrentUser viewer,
            SyncHistory history,
            Uploads uploads,
            ReadLines reads,
            ProviderApis apis,
            PageReads pageReads) {
        this.pageReads = pageReads;
        this.companyConnections = companyConnections;
        this.accessEnds = accessEnds;
        this.dates = dates;
        this.forms = forms;
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
    public String dashboard() {
        return forms.render(pageReads.of(this::page));
    }

    private TemplateInstance page() {
        long company = viewer.companyId();
        List<Connection> connections = UnfinishedAttempts.shown(companyConnections.of(company));
        List<Long> ids = connections.stream().map(c -> c.id).toList();
        Map<Long, ConnectionOverview> overviews = history.overview(company, ids);
        Dates.Reading reading = dates.reading();
        List<Card> cards = connections.stream()
                .flatMap(c -> catalog.find(c.platformKey).map(p -> card(c, p, overviews.get(c.id), reading)).stream())
                .toList();
        Set<Category> connected = EnumSet.noneOf(Category.class);
        connections.stream().filter(Connection::linked).forEach(c -> connected.add(c.category));
        return Templates.dashboard(
                cards,
                StrengthMeter.of(connected),
                cards.stream().anyMatch(card -> card.sync().syncing()),
                uploads.list(),
                heldTypes(cards),
                reads.ofCompany(company, ReadLines.DASHBOARD));
    }

    private Card card(Connection connection, Platform platform, ConnectionOverview overview, Dates.Reading reading) {
        return new Card(
                connection.id,
                platform,
                connection.status,
                connection.sandbox,
                connection.createdAt,
                connection.linkedAt,
                connection.connectedBy,
                connection.shareLinkId != null,
                overview.sync(),
                overview.metadata(),
                overview.counts(),
                apis.readable(platform, connection.sandbox),
                accessEnds.of(connection),
                accessEnds.renewalDue(connection),
                reading);
    }

    /** The data types the company holds records of, in the enum's order: an export is offered only for those. */
    private static DataType[] heldTypes(List<Card> cards) {
        Set<DataType> held = EnumSet.noneOf(DataType.class);
        cards.forEach(card -> card.counts().forEach((type, count) -> {
            if (count > 0) {
                held.add(type);
            }
        }));
        return held.toArray(DataType[]::new);
    }
}
