package io.connectionportal.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The language of the current request, as resolved by {@link LanguageFilter}; templates read it as {@code inject:lang}. */
@RequestScoped
@Named("lang")
@TemplateData
public class CurrentLanguage {

    private Language language = Language.EN;

    void set(Language language) {
        this.language = language;
    }

    public Language get() {
        return language;
    }

    public String tag() {
        return language.tag();
    }

    /**
     * The key of a {@code {#cached}} section whose markup depends on the language and on one value, such as a
     * platform's card or the header's current item: rendered once per pair, then copied into every page.
     */
    public String cacheKey(Object value) {
        return language.tag() + ":" + value;
    }

    /**
     * A page in this request's language, for one rendered by hand: Quarkus REST sets the locale only of the pages it
     * renders itself, and Qute's message bundles would otherwise use the default one.
     */
    public TemplateInstance inThisLanguage(TemplateInstance page) {
        return page.setLocale(language.locale());
    }

    public Language[] all() {
        return Language.values();
    }

    /** A message bundle in this request's language, for text composed in Java such as form errors. */
    public <T> T bundle(Class<T> bundle) {
        return bundle(bundle, language);
    }

    /**
     * A message bundle in a given language, for text made outside a request's language (e-mails).
     * Every bundle declares English as its default locale, so English is the bundle itself, not a localized variant.
     */
    public static <T> T bundle(Class<T> bundle, Language language) {
        // A bundle is an application-scoped bean: looked up once per language, not on every message.
        Object[] byLanguage = BUNDLES.computeIfAbsent(bundle, b -> new Object[Language.values().length]);
        Object found = byLanguage[language.ordinal()];
        if (found == null) {
            found = language == Language.EN
                    ? MessageBundles.get(bundle)
                    : MessageBundles.get(bundle, Localized.Literal.of(language.tag()));
            byLanguage[language.ordinal()] = found;
        }
        return bundle.cast(found);
    }

    private static final Map<Class<?>, Object[]> BUNDLES = new ConcurrentHashMap<>();
}
