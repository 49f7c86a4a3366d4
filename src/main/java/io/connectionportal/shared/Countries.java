package io.connectionportal.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

/**
 * Countries by ISO 3166-1 code: their names in the reader's language (templates read {@code inject:countries}), and the
 * code of a country written on a company profile either way ("FR", "France", "United Kingdom", "Royaume-Uni").
 */
@ApplicationScoped
@Named("countries")
@TemplateData
public class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private final CurrentLanguage language;

    Countries(CurrentLanguage language) {
        this.language = language;
    }

    /** The country's name in this request's language: "France", "Royaume-Uni". */
    public String name(String code) {
        return new Locale("", code).getDisplayCountry(language.get().locale());
    }

    /** The country this request most likely comes from when nothing else says: its language's. */
    public String ofLanguage() {
        return language.get() == Language.FR ? "FR" : "GB";
    }

    /** The ISO code of a country as people write it, in a language the portal speaks; empty when not recognised. */
    public static Optional<String> code(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String text = written.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        if (CODES.contains(upper)) {
            return Optional.of(upper);
        }
        if (upper.equals("UK")) {
            return Optional.of("GB");
        }
        for (String code : CODES) {
            for (Language l : Language.values()) {
                if (new Locale("", code).getDisplayCountry(l.locale()).equalsIgnoreCase(text)) {
                    return Optional.of(code);
                }
            }
        }
        return Optional.empty();
    }
}
