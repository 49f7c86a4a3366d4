package io.connectionportal.platforms;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.TemplateData;

import io.connectionportal.shared.Countries;

/**
 * The platforms shown first to a business (S1): the catalog's popular ones for its country, which is the one on its
 * company profile, else the one its language suggests.
 */
@ApplicationScoped
public class PopularPlatforms {

    private final PlatformCatalog catalog;
    private final Countries countries;

    PopularPlatforms(PlatformCatalog catalog, Countries countries) {
        this.catalog = catalog;
        this.countries = countries;
    }

    /** The popular platforms, and the country they are popular in when the catalog has a list for it. */
    @TemplateData
    public record Popular(List<Platform> platforms, Optional<String> country) {}

    /** For a visitor not yet signed up, whose language is all the portal knows. */
    public List<Platform> forVisitor() {
        return catalog.popular(countries.ofLanguage());
    }

    /** For a signed-in business, by the country on its profile ({@code CurrentUser.companyCountry}: no query). */
    public Popular forCompany(Optional<String> profileCountry) {
        String country = Countries.code(profileCountry.orElse(null)).orElseGet(countries::ofLanguage);
        return new Popular(
                catalog.popular(country), catalog.hasPopular(country) ? Optional.of(country) : Optional.empty());
    }
}
