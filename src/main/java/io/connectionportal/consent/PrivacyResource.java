package io.connectionportal.consent;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.PortalConfig;

/**
 * Privacy and trust (P1–P9): what is read and written per category, who sees it, how to withdraw (with, once signed
 * in, the company's consents and a Withdraw link for each), and the mutual NDA.
 */
@Path("/privacy")
class PrivacyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance privacy(
                List<Category> categories,
                String policyVersion,
                Set<Category> consented,
                List<ConsentRecord> records,
                Optional<String> hostingRegion);

        static native TemplateInstance nda(String ndaVersion, Optional<NdaAcceptance> acceptance);
    }

    private final Consents consents;
    private final CurrentUser viewer;

    private final Flash flash;
    private final PortalConfig config;

    PrivacyResource(Consents consents, CurrentUser viewer, Flash flash, PortalConfig config) {
        this.config = config;
        this.flash = flash;
        this.consents = consents;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance privacy() {
        // A signed-in visitor also sees what the company agreed to, with a way to withdraw each kind (GDPR art. 7(3)).
        boolean signedIn = viewer.signedIn();
        return Templates.privacy(
                List.of(Category.values()),
                consents.policyVersion(),
                signedIn ? consents.consentedCategories() : Set.of(),
                signedIn ? consents.currentRecords() : List.of(),
                config.policy().hostingRegion());
    }

    @GET
    @Path("nda")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance nda() {
        Optional<NdaAcceptance> acceptance = viewer.signedIn() ? consents.ndaAcceptance() : Optional.empty();
        return Templates.nda(consents.ndaVersion(), acceptance);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("nda")
    @Authenticated
    public Response acceptNda() {
        if (consents.ndaAcceptance().isEmpty()) {
            consents.acceptNda();
        }
        return Response.seeOther(URI.create("/privacy/nda"))
                .cookie(flash.next(ConsentNotice.NDA_ACCEPTED))
                .build();
    }
}
