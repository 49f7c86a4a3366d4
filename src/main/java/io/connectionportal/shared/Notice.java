package io.connectionportal.shared;

/**
 * A one-time notice that {@link Flash} shows after a redirect. Features declare theirs as an enum
 * implementing this interface and contribute the constants through a {@link Notice.Source} bean,
 * so the flash cookie names a notice that exists and {@code Flash} needs to know no feature.
 */
public interface Notice {

    /** What the cookie carries: unique among all notices, never shown to anyone. */
    String name();

    /** The text to show, in the given language. */
    String text(Language language);

    /** The notices of one feature; every CDI bean of this type is asked once, at start-up. */
    interface Source {
        Notice[] notices();
    }
}
