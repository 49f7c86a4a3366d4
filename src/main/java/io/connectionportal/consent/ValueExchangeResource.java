package io.connectionportal.consent;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.connectionportal.platforms.Category;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The value exchange (V1–V4), where sign-up lands: what the business gets, how each category's data
 * is used, what to do next, and how complete its picture is.
 */
@Path("/connect")
@Authenticated
class ValueExchangeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance valueExchange(List<Category> categories, Set<Category> consented,
                StrengthMeter strength);
    }

    private final Consents consents;

    ValueExchangeResource(Consents consents) {
        this.consents = consents;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance valueExchange() {
        // No category can be connected before the platform picker exists, so the meter starts at 0 of 3.
        StrengthMeter strength = StrengthMeter.of(Set.of());
        return Templates.valueExchange(List.of(Category.values()), consents.consentedCategories(), strength);
    }
}
