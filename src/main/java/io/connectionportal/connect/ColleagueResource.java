package io.connectionportal.connect;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.connections.Connection;
import io.connectionportal.consent.Consents;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Validation;

/**
 * What a colleague sees on a share link: no account, only their name and the platform, limited to
 * the kinds of data the company has agreed to share. The link works once and expires.
 */
@Path("/share")
class ColleagueResource {

    static final int NAME_MAX = 120;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance colleague(
                ShareLink link,
                String token,
                String companyName,
                List<Platform> platforms,
                String name,
                String platform,
                FormErrors errors);

        static native TemplateInstance gone(boolean used, boolean cancelled, String companyName);

        static native TemplateInstance done(
                Optional<Platform> platform, boolean cancelled, String companyName, String retry);
    }

    private final ShareLinks links;
    private final PlatformCatalog catalog;
    private final ConnectEntry entry;
    private final CurrentLanguage language;
    private final Consents consents;

    ColleagueResource(
            ShareLinks links,
            PlatformCatalog catalog,
            ConnectEntry entry,
            CurrentLanguage language,
            Consents consents) {
        this.links = links;
        this.catalog = catalog;
        this.entry = entry;
        this.consents = consents;
        this.language = language;
    }

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response open(@PathParam("token") String token) {
        ShareLink link = links.byToken(token).orElseThrow(NotFoundException::new);
        if (!link.usable()) {
            return gone(link);
        }
        return Response.ok(page(link, token, "", "", FormErrors.none())).build();
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response connect(
            @PathParam("token") String token,
            @RestForm String name,
            @RestForm String platform,
            @Context HttpHeaders headers) {
        ShareLink link = links.byToken(token).orElseThrow(NotFoundException::new);
        if (!link.usable()) {
            return gone(link);
        }
        ConnectMessages msg = language.bundle(ConnectMessages.class);
        String who = Validation.trim(name);
        FormErrors errors = new FormErrors();
        if (who.isEmpty()) {
            errors.add("name", msg.share_error_name_required());
        } else if (who.length() > NAME_MAX) {
            errors.add("name", msg.share_error_name_long(NAME_MAX));
        }
        Optional<Platform> chosen =
                allowed(link).stream().filter(p -> p.key().equals(platform)).findFirst();
        if (chosen.isEmpty()) {
            errors.add("platform", msg.share_error_platform_required());
        }
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(link, token, who, platform, errors))
                    .build();
        }
        ConnectEntry.Entry started = entry.connect(
                chosen.get(), new ConnectFlow.Starter(link.companyId, null, who, link.id), false, headers);
        if (started.refusal().isEmpty()) {
            return started.redirect();
        }
        // The link's use is settled where its connection is linked (ConnectFlow); here only consent and the
        // accounting rule can refuse: the company withdrew consent or linked an accounting platform meanwhile.
        return Response.status(Response.Status.CONFLICT)
                .entity(page(
                        link,
                        token,
                        who,
                        platform,
                        new FormErrors().add("platform", msg.share_error_platform_required())))
                .build();
    }

    /** The success page: the company's name and the platform the colleague connected with this link. */
    @GET
    @Path("{token}/done")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance done(@PathParam("token") String token) {
        ShareLink link = links.byToken(token).orElseThrow(NotFoundException::new);
        Optional<Platform> platform = Connection.<Connection>find("shareLinkId", link.id)
                .firstResultOptional()
                .flatMap(c -> catalog.find(c.platformKey));
        return Templates.done(platform, false, companyName(link), "");
    }

    /** Back from the platform without approving: nothing shared, and the link still works while it is usable. */
    @GET
    @Path("{token}/cancelled")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance cancelledAtPlatform(@PathParam("token") String token) {
        ShareLink link = links.byToken(token).orElseThrow(NotFoundException::new);
        return Templates.done(Optional.empty(), true, companyName(link), link.usable() ? "/share/" + token : "");
    }

    @GET
    @Path("connected/{platform}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance connected(@PathParam("platform") String platform) {
        return Templates.done(catalog.find(platform), false, "", "");
    }

    @GET
    @Path("cancelled")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance cancelled() {
        return Templates.done(Optional.empty(), true, "", "");
    }

    private static Response gone(ShareLink link) {
        return Response.status(Response.Status.GONE)
                .entity(Templates.gone(link.used(), link.cancelled(), companyName(link)))
                .build();
    }

    private static String companyName(ShareLink link) {
        Company company = Company.findById(link.companyId);
        return company == null ? "" : company.name;
    }

    /** Platforms of the categories the company agreed to share, minus accounting once it has one. */
    private List<Platform> allowed(ShareLink link) {
        Set<Category> allowed = consents.consentedCategories(link.companyId);
        // One query for the rule, not one per platform of the catalog.
        allowed.removeIf(category -> Connection.blockingLink(link.companyId, category, Optional.empty())
                .isPresent());
        return catalog.enabled().stream()
                .filter(p -> allowed.contains(p.category()))
                .toList();
    }

    private TemplateInstance page(ShareLink link, String token, String name, String platform, FormErrors errors) {
        Company company = Company.findById(link.companyId);
        return Templates.colleague(
                link, token, company.name, allowed(link), name, platform == null ? "" : platform, errors);
    }
}
