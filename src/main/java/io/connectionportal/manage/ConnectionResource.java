package io.connectionportal.manage;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.access.AccessEnds;
import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.connect.ConnectEntry;
import io.connectionportal.connect.ConnectFlow;
import io.connectionportal.connect.ConnectMessages;
import io.connectionportal.connect.OrganisationChoices;
import io.connectionportal.connections.CompanyConnections;
import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.consent.ConsentMessages;
import io.connectionportal.consent.Consents;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.PageReads;
import io.connectionportal.shared.Reauthentication;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.sync.ProviderApis;
import io.connectionportal.sync.SyncHistory;
import io.connectionportal.sync.SyncJobs;
import io.connectionportal.sync.SyncRunView;
import io.connectionportal.sync.SyncSummary;

/**
 * One connection (M2, M5, M6): its detail page with the audit trail, and deauthorize, delete and
 * reconnect. Each destructive action has a confirmation page that says what stops and what happens to
 * the data. Everything is scoped by the signed-in company: another company's id is a 404.
 */
@Path("/connections/{id}")
@Authenticated
class ConnectionResource {

    /** The newest events of the trail the page shows; the company's activity page has every one. */
    static final int TRAIL_SHOWN = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(
                Connection connection,
                Platform platform,
                Revocations.Status revocation,
                AuditTrail.ConnectionTrail trail,
                boolean consentNeeded,
                String policyVersion,
                FormErrors errors,
                List<SyncRunView> history,
                SyncSummary sync,
                ReadLines.Lines reads,
                Optional<Instant> accessEndsAt,
                boolean readable,
                boolean organisationToChoose,
                boolean renewalDue);

        static native TemplateInstance deauthorize(Connection connection, Platform platform);

        static native TemplateInstance delete(Connection connection, Platform platform);
    }

    private final PlatformCatalog catalog;
    private final CurrentUser viewer;
    private final CurrentLanguage language;
    private final ManageConnections manage;
    private final Revocations revocations;
    private final AuditTrail audit;
    private final Consents consents;
    private final ConnectEntry entry;
    private final SyncJobs syncJobs;
    private final SyncHistory syncHistory;

    private final Flash flash;

    private final SecurityLog securityLog;

    private final Reauthentication reauthentication;

    private final ReadLines reads;

    private final ConnectionTokens tokens;

    private final ProviderApis apis;

    private final OrganisationChoices organisationChoices;

    private final AccessEnds accessEnds;

    private final CompanyConnections companyConnections;

    private final PageReads pageReads;

    ConnectionResource(
            PlatformCatalog catalog,
            CurrentUser viewer,
            CurrentLanguage language,
            ManageConnections manage,
            Revocations revocations,
            AuditTrail audit,
            Consents consents,
            ConnectEntry entry,
            SyncJobs syncJobs,
            SyncHistory syncHistory,
            Flash flash,
            SecurityLog securityLog,
            Reauthentication reauthentication,
            ReadLines reads,
            ConnectionTokens tokens,
            ProviderApis apis,
            OrganisationChoices organisationChoices,
            AccessEnds accessEnds,
            CompanyConnections companyConnections,
            PageReads pageReads) {
        this.companyConnections = companyConnections;
        this.pageReads = pageReads;
        this.accessEnds = accessEnds;
        this.apis = apis;
        this.organisationChoices = organisationChoices;
        this.reads = reads;
        this.tokens = tokens;
        this.reauthentication = reauthentication;
        this.securityLog = securityLog;
        this.flash = flash;
        this.syncJobs = syncJobs;
        this.syncHistory = syncHistory;
        this.catalog = catalog;
        this.viewer = viewer;
        this.language = language;
        this.manage = manage;
        this.revocations = revocations;
        this.audit = audit;
        this.consents = consents;
        this.entry = entry;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") long id) {
        return pageReads.of(() -> page(mine(id), FormErrors.none()));
    }

    @GET
    @Path("deauthorize")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmDeauthorize(@PathParam("id") long id) {
        Connection connection = mine(id);
        if (!connection.linked()) {
            return backTo(connection);
        }
        return Response.ok(Templates.deauthorize(connection, platform(connection)))
                .build();
    }

    @POST
    @Path("deauthorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deauthorize(@PathParam("id") long id, @RestForm String back) {
        ManageConnections.Result result =
                manage.deauthorize(viewer.companyId(), id, viewer.email()).orElseThrow(NotFoundException::new);
        Response.ResponseBuilder answer = Response.seeOther(returnTo(id, back));
        if (!result.changed()) {
            return answer.build();
        }
        return answer.cookie(flash.next(
                        result.revocationImpossible()
                                ? ManageNotice.CONNECTION_DEAUTHORIZED_REVOCATION_IMPOSSIBLE
                                : ManageNotice.CONNECTION_DEAUTHORIZED))
                .build();
    }

    @GET
    @Path("delete")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmDelete(@PathParam("id") long id) {
        Connection connection = mine(id);
        return reauthentication
                .required("/connections/" + id + "/delete")
                .orElseGet(() -> Response.ok(Templates.delete(connection, platform(connection)))
                        .build());
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        mine(id);
        Optional<Response> askPassword = reauthentication.required("/connections/" + id + "/delete");
        if (askPassword.isPresent()) {
            return askPassword.get();
        }
        ManageConnections.Result result =
                manage.delete(viewer.companyId(), id, viewer.email()).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/connections"))
                .cookie(flash.next(
                        result.revocationImpossible()
                                ? ManageNotice.CONNECTION_DELETED_REVOCATION_IMPOSSIBLE
                                : result.revocationRefused()
                                        ? ManageNotice.CONNECTION_DELETED_REVOCATION_REFUSED
                                        : result.revocationPending()
                                                ? ManageNotice.CONNECTION_DELETED_REVOCATION_PENDING
                                                : ManageNotice.CONNECTION_DELETED))
                .build();
    }

    @POST
    @Path("reconnect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response reconnect(@PathParam("id") long id, @RestForm String agree, @Context HttpHeaders headers) {
        Connection connection = mine(id);
        if (!reconnectable(connection)) {
            return backTo(connection);
        }
        ManageMessages msg = language.bundle(ManageMessages.class);
        Optional<Platform> platform = catalog.find(connection.platformKey).filter(Platform::enabled);
        if (platform.isEmpty()) {
            FormErrors errors = new FormErrors()
                    .add(
                            "reconnect",
                            msg.reconnect_error_unavailable(platform(connection).name()));
            return Response.status(Response.Status.CONFLICT)
                    .entity(page(connection, errors))
                    .build();
        }
        ConnectEntry.Entry started = entry.reconnect(
                platform.get(),
                connection,
                new ConnectFlow.Starter(viewer.companyId(), viewer.userId(), viewer.email(), null),
                "yes".equals(agree),
                headers);
        if (started.refusal().isEmpty()) {
            return started.redirect();
        }
        return switch (started.refusal().get()) {
            case CONSENT_REQUIRED ->
                Response.status(Response.Status.BAD_REQUEST)
                        .entity(page(
                                connection,
                                new FormErrors()
                                        .add(
                                                "agree",
                                                language.bundle(ConsentMessages.class)
                                                        .error_consent_required())))
                        .build();
            case SHOP_REQUIRED ->
                Response.status(Response.Status.CONFLICT)
                        .entity(page(
                                connection,
                                new FormErrors()
                                        .add(
                                                "reconnect",
                                                language.bundle(ConnectMessages.class)
                                                        .connect_error_shop_required())))
                        .build();
            default ->
                Response.status(Response.Status.CONFLICT)
                        .entity(page(
                                connection,
                                new FormErrors()
                                        .add(
                                                "reconnect",
                                                language.bundle(ConnectMessages.class)
                                                        .connect_error_one_accounting())))
                        .build();
        };
    }

    /** "Refresh now" (M3): queues a sync (at most one per connection, however many clicks) and shows it running. */
    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refresh(@PathParam("id") long id, @RestForm String back) {
        Connection connection = mine(id);
        // A platform whose data is not read has nothing to refresh: the button is not shown, a stray post does nothing.
        if (apis.readable(connection.platformKey, connection.sandbox)
                && syncJobs.refresh(viewer.companyId(), connection.id)
                        .filter(job -> !job.alreadyActive())
                        .isPresent()) {
            audit.record(
                    viewer.companyId(),
                    connection.id,
                    connection.platformKey,
                    AuditType.REFRESHED,
                    viewer.email(),
                    null);
        }
        return Response.seeOther(returnTo(connection.id, back)).build();
    }

    /** Back where the button was: the dashboard's cards say {@code back=dashboard}, anything else is the connection page. */
    private static URI returnTo(long id, String back) {
        return URI.create("dashboard".equals(back) ? "/connections" : "/connections/" + id);
    }

    /** The sync status alone, polled by the detail page's script while a sync runs (progressive enhancement). */
    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status(@PathParam("id") long id) {
        Connection connection = mine(id);
        return Map.of("syncing", syncHistory.syncing(viewer.companyId(), connection.id));
    }

    /** Needing it, withdrawn, or linked with an access its platform ends soon (a renewal). */
    private boolean reconnectable(Connection connection) {
        return connection.status == ConnectionStatus.REAUTH_REQUIRED
                || connection.status == ConnectionStatus.DEAUTHORIZED
                || accessEnds.renewalDue(connection);
    }

    private TemplateInstance page(Connection connection, FormErrors errors) {
        return Templates.detail(
                connection,
                platform(connection),
                revocations.status(connection),
                audit.forConnection(viewer.companyId(), connection.id, connection.category, TRAIL_SHOWN),
                reconnectable(connection) && !consents.consentedCategories().contains(connection.category),
                consents.policyVersion(),
                errors,
                syncHistory.forConnection(viewer.companyId(), connection.id, 20),
                syncHistory.summary(viewer.companyId(), List.of(connection.id)).get(connection.id),
                reads.ofConnection(viewer.companyId(), connection.id, ReadLines.CONNECTION),
                accessEndsAt(connection),
                apis.readable(connection.platformKey, connection.sandbox),
                organisationChoices.pending(connection),
                connection.linked() && accessEnds.renewalDue(connection));
    }

    /** When a linked connection's access ends because the provider gave no refresh token to renew it. */
    private Optional<Instant> accessEndsAt(Connection connection) {
        return connection.linked() && !tokens.renewable(connection)
                ? Optional.ofNullable(connection.accessTokenExpiresAt)
                : Optional.empty();
    }

    /** From the company's connections as this request read them: the layout's reconnect banner reads the same. */
    private Connection mine(long id) {
        return companyConnections.one(viewer.companyId(), id).orElseThrow(() -> {
            securityLog.record(
                    SecurityLog.Event.FOREIGN_ID, SecurityLog.Outcome.REFUSED, viewer.userId(), "connection " + id);
            return new NotFoundException();
        });
    }

    /** The catalog entry, or a plain stand-in when the platform was removed from the catalog since. */
    private Platform platform(Connection connection) {
        return catalog.find(connection.platformKey)
                .orElseGet(() -> new Platform(
                        connection.platformKey,
                        connection.platformKey,
                        connection.category,
                        "",
                        Optional.empty(),
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        Optional.empty()));
    }

    private static Response backTo(Connection connection) {
        return Response.seeOther(URI.create("/connections/" + connection.id)).build();
    }
}
