package io.connectionportal.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The language of the current request, as resolved by {@link LanguageFilter}; templates read it as {@code inject:lang}. */
@RequestScoped
@Named("lang")
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

    public Language[] all() {
        return Language.values();
    }

    /** Messages in this request's language, for text composed in Java such as form errors. */
    public Messages messages() {
        return messagesFor(language);
    }

    /** A feature's own message bundle in this request's language. */
    public <T> T bundle(Class<T> bundle) {
        return bundleFor(bundle, language);
    }

    public static Messages messagesFor(Language language) {
        return bundleFor(Messages.class, language);
    }

    static <T> T bundleFor(Class<T> bundle, Language language) {
        return language == Language.EN
                ? MessageBundles.get(bundle)
                : MessageBundles.get(bundle, Localized.Literal.of(language.tag()));
    }
}
