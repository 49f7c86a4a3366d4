package io.connectionportal.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whole pages that are the same for every reader of a language, such as the landing for a visitor not signed in,
 * kept as rendered and cut at their CSRF slots ({@link CachedForms}). The keys are pages times languages, a fixed handful,
 * and what the pages show (configuration, the catalog) does not change while the portal runs: nothing to expire.
 */
@ApplicationScoped
class KeptPages {

    private final Map<String, SlottedMarkup> pages = new ConcurrentHashMap<>();

    SlottedMarkup get(String key, Supplier<SlottedMarkup> render) {
        SlottedMarkup page = pages.get(key);
        if (page == null) {
            // Two first readers may both render; the markup is the same, so either copy may stay.
            page = render.get();
            pages.putIfAbsent(key, page);
        }
        return page;
    }
}
