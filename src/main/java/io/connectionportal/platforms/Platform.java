package io.connectionportal.platforms;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A catalog entry (S3): the platform's key, full official name, category, website, logo, and the
 * data the portal reads from it (and writes, if any). Loaded from the catalog file by {@link PlatformCatalog}.
 */
public record Platform(
        String key,
        String name,
        Category category,
        String website,
        String logo,
        boolean enabled,
        List<DataType> reads,
        List<DataType> writes,
        List<String> keywords,
        /** The provider's public OAuth 2.0 facts, when the catalog carries them. */
        java.util.Optional<OAuthPreset> oauth,
        /**
         * How long an authorization lasts at most, when the platform ends it (open-banking consent): counted from the
         * link; {@code connectors.Connectors#accessLifetime} lets the operator override it.
         */
        Optional<Duration> accessLifetime) {

    /** A platform whose access has no known end. */
    public Platform(
            String key,
            String name,
            Category category,
            String website,
            String logo,
            boolean enabled,
            List<DataType> reads,
            List<DataType> writes,
            List<String> keywords,
            Optional<OAuthPreset> oauth) {
        this(key, name, category, website, logo, enabled, reads, writes, keywords, oauth, Optional.empty());
    }

    /** The website without scheme or trailing slash, as shown to people: {@code www.xero.com}. */
    public String websiteHost() {
        return website.replaceFirst("^https?://", "").replaceFirst("/$", "");
    }

    /** Whether a search query matches the name, key or a keyword, ignoring case and accents. */
    public boolean matches(String query) {
        String q = PlatformCatalog.fold(query);
        if (q.isEmpty()) {
            return true;
        }
        return PlatformCatalog.fold(name).contains(q)
                || key.contains(q)
                || keywords.stream().map(PlatformCatalog::fold).anyMatch(k -> k.contains(q));
    }

    public String initials() {
        return name.substring(0, 1).toUpperCase(Locale.ROOT);
    }
}
