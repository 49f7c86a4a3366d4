package io.connectionportal.shared;

import java.util.List;
import java.util.function.Function;

/**
 * A one-time notice that {@link Flash} shows after a redirect. Features declare theirs as constants made
 * with {@link #of} and contribute them through a {@link Source} bean, so the flash cookie names a notice
 * that exists on every instance and {@code Flash} needs to know no feature.
 */
public final class Notice {

    private final String name;
    private final Function<Language, String> text;

    private Notice(String name, Function<Language, String> text) {
        this.name = name;
        this.text = text;
    }

    /** A notice whose text is {@code text} of the feature's message bundle, in the page's language. */
    public static <B> Notice of(String name, Class<B> bundle, Function<B, String> text) {
        return new Notice(name, language -> text.apply(CurrentLanguage.bundle(bundle, language)));
    }

    /** What the cookie carries: unique among all notices, never shown to anyone. */
    public String name() {
        return name;
    }

    public String text(Language language) {
        return text.apply(language);
    }

    /** The notices of one feature; every CDI bean of this type is asked once, at start-up. */
    public interface Source {
        List<Notice> notices();
    }
}
