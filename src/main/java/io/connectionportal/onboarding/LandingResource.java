package io.connectionportal.onboarding;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;

/** The landing page (F1): value proposition, social proof and one call to action. */
@Path("/")
class LandingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing();
    }

    private final FunnelEvents funnel;

    LandingResource(FunnelEvents funnel) {
        this.funnel = funnel;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance landing() {
        funnel.record(FunnelStep.LANDING_VIEWED, null, null, null);
        return Templates.landing();
    }
}
