package io.connectionportal.connect;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

import io.connectionportal.connections.Connection;
import io.connectionportal.onboarding.HostedLinkAccount;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.Cookies;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.SessionStore;

/**
 * The business's side of a hosted link (I2, I3): a start page, opened once; the portal's own journey narrowed to
 * what the link allows; and an end that offers to keep an account and sends the business back with its outcome.
 * The start is a form, not the GET itself: a mail scanner or a chat preview that fetches the link does not use it.
 */
@Path("/link")
class HostedLinkResource {

    static final Duration LANGUAGE_REMEMBERED = Duration.ofDays(365);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(
                HostedLink link,
                String token,
                String companyName,
                List<Category> categories,
                Optional<Platform> platform);

        static native TemplateInstance gone(boolean used, String back);

        static native TemplateInstance done(
                Optional<Platform> platform, String back, boolean canKeepAccount, String email, FormErrors errors);
    }

    private final HostedLinks links;
    private final HostedLinkAccount account;
    private final PlatformCatalog catalog;
    private final SessionStore sessions;
    private final CurrentUser viewer;
    private final Cookies cookies;

    HostedLinkResource(
            HostedLinks links,
            HostedLinkAccount account,
            PlatformCatalog catalog,
            SessionStore sessions,
            CurrentUser viewer,
            Cookies cookies) {
        this.cookies = cookies;
        this.links = links;
        this.account = account;
        this.catalog = catalog;
        this.sessions = sessions;
        this.viewer = viewer;
    }

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response start(@PathParam("token") String token) {
        HostedLink link = links.byToken(token).orElseThrow(NotFoundException::new);
        Optional<String> gone = HostedLinks.unusable(link, Instant.now());
        if (gone.isPresent()) {
            return gone(link, gone.get());
        }
        Company company = Company.findById(link.companyId);
        List<Category> categories = link.categories().stream().sorted().toList();
        return Response.ok(Templates.start(
                        link,
                        token,
                        company.name,
                        categories,
                        Optional.ofNullable(link.platformKey).flatMap(catalog::find)))
                .build();
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response open(@PathParam("token") String token, @Context HttpHeaders headers) {
        HostedLinks.Opening opening = links.open(token);
        if (opening instanceof HostedLinks.Opened opened) {
            Response.ResponseBuilder next = Response.seeOther(URI.create(
                            opened.link().platformKey != null
                                    ? "/connect/platforms/" + opened.link().platformKey
                                    : "/connect"))
                    .cookie(sessions.cookie(opened.sessionToken()));
            // The journey speaks the company's language, as the integrator declared it, unless the browser chose one.
            if (!headers.getCookies().containsKey(Language.COOKIE)) {
                Company company = Company.findById(opened.link().companyId);
                Optional.ofNullable(company.language)
                        .flatMap(Language::fromTag)
                        .ifPresent(language ->
                                next.cookie(cookies.of(Language.COOKIE, language.tag(), LANGUAGE_REMEMBERED)));
            }
            return next.build();
        }
        if (opening instanceof HostedLinks.Gone gone) {
            return gone(gone.link(), gone.errorCode());
        }
        throw new NotFoundException();
    }

    private Response gone(HostedLink link, String errorCode) {
        return Response.status(Response.Status.GONE)
                .entity(Templates.gone(
                        HostedLinks.LINK_USED.equals(errorCode),
                        links.redirectGone(link, errorCode).toString()))
                .build();
    }

    /** After the provider: a linked business may keep an account; any other outcome goes straight back. */
    @GET
    @Path("done")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response done() {
        HostedLink link = HostedLink.lastFor(viewer.userId()).orElseThrow(NotFoundException::new);
        if (link.finishedAt == null) {
            return Response.seeOther(URI.create("/connect")).build();
        }
        if (!HostedLinks.LINKED.equals(link.outcome)) {
            return Response.seeOther(links.redirect(link)).build();
        }
        return Response.ok(page(link, "", FormErrors.none())).build();
    }

    @POST
    @Path("done")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response keepAccount(@RestForm String email, @RestForm String password) {
        HostedLink link = HostedLink.lastFor(viewer.userId())
                .filter(l -> l.finishedAt != null)
                .orElseThrow(NotFoundException::new);
        if (!viewer.throughHostedLink()) {
            return Response.seeOther(links.redirect(link)).build();
        }
        HostedLinkAccount.Result result = account.keep(viewer.userId(), email, password);
        if (result.errors().any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(link, result.email(), result.errors()))
                    .build();
        }
        return Response.seeOther(links.redirect(link)).build();
    }

    /** "Back to <product>" before connecting: the integrator hears the business cancelled. */
    @POST
    @Path("leave")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response leave() {
        return links.finish(viewer.userId(), HostedLinks.CANCELLED, null, null)
                .map(link -> Response.seeOther(links.redirect(link)).build())
                .orElseGet(() -> Response.seeOther(URI.create("/connections")).build());
    }

    private TemplateInstance page(HostedLink link, String email, FormErrors errors) {
        Optional<Platform> platform = Optional.ofNullable(link.connectionId)
                .flatMap(id -> Connection.ofCompany(link.companyId, id))
                .flatMap(c -> catalog.find(c.platformKey));
        return Templates.done(platform, links.redirect(link).toString(), viewer.throughHostedLink(), email, errors);
    }
}
