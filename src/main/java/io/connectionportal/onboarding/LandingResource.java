package io.connectionportal.onboarding;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PopularPlatforms;

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

    LandingResource(FunnelEvents funnel, PopularPlatforms popular) {
        this.funnel = funnel;
        this.popular = popular;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance landing() {
        funnel.record(FunnelStep.LANDING_VIEWED, null, null, null);
        List<Platform> platforms = popular.forVisitor();
        return Templates.landing(platforms.subList(0, Math.min(SHOWN, platforms.size())));
    }
}
