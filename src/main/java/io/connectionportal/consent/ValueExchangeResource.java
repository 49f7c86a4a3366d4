package io.connectionportal.consent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.connectionportal.platforms.PopularPlatforms;
import io.connectionportal.shared.CurrentUser;

/**
 * The value exchange (V1–V4), where sign-up lands: what the business gets, how complete its picture is, a search and
 * the platforms popular in its country (so the platform is one click away), and how each category's data is used.
 */
@Path("/connect")
@Authenticated
class ValueExchangeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance valueExchange(
                List<Category> categories,
                Set<Category> connected,
                StrengthMeter strength,
                PopularPlatforms.Popular popular,
                Set<String> connectedKeys,
                boolean hosted);
    }

    private final PlatformStatuses statuses;
    private final PopularPlatforms popular;
    private final CurrentUser viewer;
    private final FunnelEvents funnel;

    ValueExchangeResource(
            PlatformStatuses statuses, PopularPlatforms popular, CurrentUser viewer, FunnelEvents funnel) {
        this.funnel = funnel;
        this.popular = popular;
        this.statuses = statuses;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance valueExchange() {
        funnel.record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, viewer.companyId());
        Set<Category> connected = statuses.connectedCategories(viewer.companyId());
        Set<String> connectedKeys = statuses.forCompany(viewer.companyId()).entrySet().stream()
                .filter(status -> status.getValue().connected())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return Templates.valueExchange(
                List.of(Category.values()),
                connected,
                StrengthMeter.of(connected),
                popular.forCompany(viewer.companyCountry()),
                connectedKeys,
                viewer.throughHostedLink());
    }
}
