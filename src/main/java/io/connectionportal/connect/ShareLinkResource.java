package io.connectionportal.connect;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.consent.Consents;
import io.connectionportal.shared.Branding;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.FormErrors;

/** "Can't sign in? Ask a colleague" (S6): the company makes single-use links and sees who used them. */
@Path("/connect/share")
@Authenticated
class ShareLinkResource {

    static final int COLLEAGUE_MAX = 120;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance share(
                List<ShareLink> links, boolean consentGiven, String colleague, FormErrors errors);

        static native TemplateInstance link(ShareLink link, String url, String mailto);
    }

    private final ShareLinks links;
    private final Consents consents;
    private final CurrentUser viewer;
    private final CurrentLanguage language;
    private final Branding branding;

    ShareLinkResource(
            ShareLinks links, Consents consents, CurrentUser viewer, CurrentLanguage language, Branding branding) {
        this.links = links;
        this.consents = consents;
        this.viewer = viewer;
        this.language = language;
        this.branding = branding;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance share() {
        return page("", FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String colleague) {
        String name = colleague == null ? "" : colleague.strip();
        if (name.length() > COLLEAGUE_MAX) {
            FormErrors errors = new FormErrors()
                    .add("colleague", language.bundle(ConnectMessages.class).share_error_colleague_long(COLLEAGUE_MAX));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(name, errors))
                    .build();
        }
        if (consents.consentedCategories().isEmpty()) {
            FormErrors errors = new FormErrors()
                    .add("colleague", language.bundle(ConnectMessages.class).share_error_consent_first());
            return Response.status(Response.Status.CONFLICT)
                    .entity(page(name, errors))
                    .build();
        }
        ShareLink link = links.create(viewer.companyId(), viewer.userId(), name);
        return Response.seeOther(URI.create("/connect/share/" + link.id)).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance link(@PathParam("id") long id) {
        ShareLink link = ShareLink.ofCompany(viewer.companyId(), id).orElseThrow(NotFoundException::new);
        String url = link.usable() ? links.url(link) : "";
        ConnectMessages msg = language.bundle(ConnectMessages.class);
        String mailto = "mailto:?subject=" + encode(msg.share_mail_subject(viewer.companyName())) + "&body="
                + encode(msg.share_mail_body(viewer.companyName(), branding.productName(), url));
        return Templates.link(link, url, mailto);
    }

    /** The company stops a link it sent: a colleague opening it afterwards is told it no longer works. */
    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id) {
        ShareLink link = ShareLink.ofCompany(viewer.companyId(), id).orElseThrow(NotFoundException::new);
        links.cancel(viewer.companyId(), link.id);
        return Response.seeOther(URI.create("/connect/share/" + link.id)).build();
    }

    private TemplateInstance page(String colleague, FormErrors errors) {
        return Templates.share(
                ShareLink.ofCompany(viewer.companyId()),
                !consents.consentedCategories().isEmpty(),
                colleague,
                errors);
    }

    /** mailto: wants %20 for spaces; URLEncoder gives form encoding. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
