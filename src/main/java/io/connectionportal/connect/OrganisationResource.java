package io.connectionportal.connect;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.connections.Connection;
import io.connectionportal.connectors.ProviderAccount;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;

/**
 * Which organisation a connection reads, when the business granted several (Xero asks which organisations to share,
 * and more than one may be ticked). The list is the one Xero gave right after the grant, kept until the choice; the
 * choice becomes the account every data read names. Scoped to the signed-in company: another's id is a 404.
 */
@Path("/connections/{id}/organisation")
@Authenticated
class OrganisationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organisation(
                Connection connection, Platform platform, List<ProviderAccount> choices, FormErrors errors);
    }

    private final CurrentUser viewer;
    private final PlatformCatalog catalog;
    private final Flash flash;
    private final CurrentLanguage language;

    OrganisationResource(CurrentUser viewer, PlatformCatalog catalog, Flash flash, CurrentLanguage language) {
        this.viewer = viewer;
        this.catalog = catalog;
        this.flash = flash;
        this.language = language;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") long id) {
        Pending pending = pending(id);
        return Response.ok(Templates.organisation(
                        pending.connection(), pending.platform(), pending.offered(), FormErrors.none()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response choose(@PathParam("id") long id, @FormParam("organisation") String organisation) {
        Pending pending = pending(id);
        Optional<ProviderAccountChoice> chosen = pending.choices().stream()
                .filter(choice -> choice.accountId.equals(organisation))
                .findFirst();
        if (chosen.isEmpty()) {
            // Nothing chosen, or an id Xero did not list for this grant: the page again, with the reason.
            FormErrors errors = new FormErrors()
                    .add("organisation", language.bundle(ConnectMessages.class).organisation_required());
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.organisation(pending.connection(), pending.platform(), pending.offered(), errors))
                    .build();
        }
        boolean stored = QuarkusTransaction.requiringNew().call(() -> store(id, chosen.get()));
        if (!stored) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/connections/" + id))
                .cookie(flash.next(ConnectNotice.ORGANISATION_CHOSEN))
                .build();
    }

    private boolean store(long id, ProviderAccountChoice chosen) {
        Optional<Connection> mine = Connection.ofCompany(viewer.companyId(), id).filter(Connection::linked);
        if (mine.isEmpty() || ProviderAccountChoice.of(viewer.companyId(), id).isEmpty()) {
            return false;
        }
        Connection connection = mine.get();
        connection.providerAccountId = chosen.accountId;
        connection.providerAccountName = chosen.accountName;
        ProviderAccountChoice.delete("connectionId", id);
        return true;
    }

    private record Pending(Connection connection, Platform platform, List<ProviderAccountChoice> choices) {

        List<ProviderAccount> offered() {
            return choices.stream()
                    .map(choice -> new ProviderAccount(choice.accountId, choice.accountName))
                    .toList();
        }
    }

    /** A linked connection of this company with organisations still to choose from; else 404. */
    private Pending pending(long id) {
        Connection connection = Connection.ofCompany(viewer.companyId(), id)
                .filter(Connection::linked)
                .orElseThrow(NotFoundException::new);
        List<ProviderAccountChoice> choices = ProviderAccountChoice.of(viewer.companyId(), id);
        if (choices.isEmpty()) {
            throw new NotFoundException();
        }
        Platform platform = catalog.find(connection.platformKey).orElseThrow(NotFoundException::new);
        return new Pending(connection, platform, choices);
    }
}
