package io.connectionportal.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the portal is translated into (X1). English is the default. */
public enum Language {
    EN("en", "English"),
    FR("fr", "Français");

    public static final String COOKIE = "lang";

    private final String tag;
    private final String nativeName;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    public String tag() {
        return tag;
    }

    /** The name in its own language, as language switchers show it. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(l -> l.tag.equalsIgnoreCase(tag.trim()))
                .findFirst();
    }

    /**
     * The remembered choice wins; otherwise the first supported language of the Accept-Language header,
     * honouring its q-values; otherwise English.
     */
    public static Language resolve(String cookieValue, String acceptLanguage) {
        Optional<Language> chosen = fromTag(cookieValue);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = range.getRange().split("-")[0];
                    Optional<Language> match = fromTag(primary);
                    if (match.isPresent()) {
                        return match.get();
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header is the client's problem; fall back to the default.
            }
        }
        return EN;
    }
}
