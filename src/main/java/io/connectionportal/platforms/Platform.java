package io.connectionportal.platforms;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.TemplateData;

import io.connectionportal.shared.KeyText;

/**
 * A catalog entry (S3): the platform's key, full official name, category, website, the data the portal reads from it
 * (and writes, if any), and the country it serves when it serves one. Loaded from the catalog file by
 * {@link PlatformCatalog}.
 */
@TemplateData
public record Platform(
        String key,
        String name,
        Category category,
        String website,
        /** A logo file the integrator supplies (a path under the web root or a URL); without one, a monogram. */
        Optional<String> logo,
        boolean enabled,
        List<DataType> reads,
        List<DataType> writes,
        List<String> keywords,
        /** The provider's public OAuth 2.0 facts, when the catalog carries them. */
        Optional<OAuthPreset> oauth,
        /** ISO 3166-1 code of the one country the platform serves, such as {@code FR} for Sage 50 France. */
        Optional<String> country,
        /** Whether the country is shown beside the name: another entry of the same brand serves another country. */
        boolean countryShown,
        /**
         * How long an authorization lasts at most, when the platform ends it (open-banking consent): counted from the
         * link; {@code connectors.Connectors#accessLifetime} lets the operator override it.
         */
        Optional<Duration> accessLifetime)
        // Its key stands for all of it in keys of kept markup: a platform stays as configured while the process runs.
        implements KeyText.Keyed {

    /** How many tones the monograms come in (classes {@code monogram-0} to {@code monogram-7} of the stylesheet). */
    static final int MONOGRAM_TONES = 8;

    /** The website's host, as shown to people: {@code www.sage.com} for a page deep in it. */
    public String websiteHost() {
        return website.replaceFirst("^https?://", "").replaceFirst("[/?#].*$", "");
    }

    /** Whether a search query matches the name, key or a keyword, ignoring case and accents and forgiving a typo. */
    public boolean matches(String query) {
        return PlatformSearch.matches(this, query);
    }

    public String initials() {
        return name.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    /** The monogram's tone, the same for a platform on every page. */
    public int monogramTone() {
        return Math.floorMod(key.hashCode(), MONOGRAM_TONES);
    }

    /** What the picker's filter compares a query with: name, key and keywords, each folded, separated by "|". */
    public String searchText() {
        return PlatformSearch.searchText(this);
    }
}
