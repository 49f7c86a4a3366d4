package io.connectionportal.platforms;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.PortalConfig;

/**
 * Category names as the integrator wants them said ({@code portal.category-label.<lang>.<category>},
 * e.g. "Revenue streams" for commerce), else the translated defaults; and which categories are optional (S8).
 * Templates read it as {@code inject:categories}.
 */
@ApplicationScoped
@Named("categories")
@TemplateData
public class CategoryLabels {

    private final PortalConfig config;
    private final CurrentLanguage language;

    CategoryLabels(PortalConfig config, CurrentLanguage language) {
        this.config = config;
        this.language = language;
    }

    public String label(Category category) {
        String configured =
                config.categoryLabel().getOrDefault(language.tag(), Map.of()).get(category.key());
        return configured != null && !configured.isBlank()
                ? configured
                : language.bundle(PlatformMessages.class).category(category);
    }

    public Category[] all() {
        return Category.values();
    }

    public boolean optional(Category category) {
        return config.optionalCategories().contains(category.key());
    }
}
