package io.connectionportal.onboarding;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PopularPlatforms;
import io.connectionportal.shared.CachedForms;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;

/** The landing page (F1): value proposition, social proof and one call to action. */
@Path("/")
class LandingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(List<Platform> shown);
    }

    /** As many platforms as the hero picture of the connect step has room for. */
    private static final int SHOWN = 4;

    private final FunnelEvents funnel;
    private final PopularPlatforms popular;
    private final CachedForms forms;
    private final CurrentUser viewer;
    private final Flash flash;
    private final HttpServerRequest request;

    LandingResource(
            FunnelEvents funnel,
            PopularPlatforms popular,
            CachedForms forms,
            CurrentUser viewer,
            Flash flash,
            HttpServerRequest request) {
        this.funnel = funnel;
        this.popular = popular;
        this.forms = forms;
        this.viewer = viewer;
        this.flash = flash;
        this.request = request;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String landing() {
        funnel.record(FunnelStep.LANDING_VIEWED, null, null, null);
        // The page most visitors see first is the same for all of them in a language: kept whole. A signed-in reader,
        // a notice to show or a query string (the language switcher sends the reader back to it) makes it their own.
        if (viewer.signedIn() || flash.present() || !"/".equals(request.uri())) {
            return forms.render(page());
        }
        return forms.renderKept("landing", this::page);
    }

    private TemplateInstance page() {
        List<Platform> platforms = popular.forVisitor();
        return Templates.landing(platforms.subList(0, Math.min(SHOWN, platforms.size())));
    }
}
