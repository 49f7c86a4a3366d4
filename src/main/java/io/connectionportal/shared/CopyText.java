package io.connectionportal.shared;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Marketing and consent copy that integrators replace by configuration (I1), {@code portal.copy.<lang>.<key>},
 * falling back to the translated default of the feature that shows it. Features wrap it in their own
 * named beans (e.g. {@code inject:landingCopy}), so the defaults stay in their bundles.
 */
@ApplicationScoped
public class CopyText {

    private final PortalConfig config;
    private final CurrentLanguage language;

    CopyText(PortalConfig config, CurrentLanguage language) {
        this.config = config;
        this.language = language;
    }

    /** The configured text for {@code key} in this request's language, else {@code fallback} of {@code bundle}. */
    public <T> String text(String key, Class<T> bundle, Function<T, String> fallback) {
        return configured(key).orElseGet(() -> fallback.apply(language.bundle(bundle)));
    }

    /** The configured text for {@code key} in this request's language, if any. */
    public Optional<String> configured(String key) {
        String configured = config.copy().getOrDefault(language.tag(), Map.of()).get(key);
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(configured);
    }
}
