package io.connectionportal.consent;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.PlatformStatuses;
import io.connectionportal.shared.CurrentUser;

/**
 * The value exchange (V1–V4), where sign-up lands: what the business gets, how each category's data
 * is used, what to do next, and how complete its picture is.
 */
@Path("/connect")
@Authenticated
class ValueExchangeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance valueExchange(
                List<Category> categories, Set<Category> consented, Set<Category> connected, StrengthMeter strength);
    }

    private final Consents consents;
    private final PlatformStatuses statuses;
    private final CurrentUser viewer;
    private final FunnelEvents funnel;

    ValueExchangeResource(Consents consents, PlatformStatuses statuses, CurrentUser viewer, FunnelEvents funnel) {
        this.funnel = funnel;
        this.consents = consents;
        this.statuses = statuses;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance valueExchange() {
        funnel.record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, viewer.companyId());
        Set<Category> connected = statuses.connectedCategories(viewer.companyId());
        return Templates.valueExchange(
                List.of(Category.values()), consents.consentedCategories(), connected, StrengthMeter.of(connected));
    }
}
