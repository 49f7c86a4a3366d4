package io.connectionportal.connect;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shop a business names before connecting a per-shop platform (Shopify): {@code my-shop} or
 * {@code my-shop.myshopify.com}, both kept as {@code my-shop}, the name the platform's hosts are built from.
 */
final class ShopName {

    /** A shop's name is one DNS label: it goes into the provider's host name, so nothing else may pass. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private ShopName() {}

    /** The shop's name from what the business typed, or empty when it is not one under {@code host}. */
    static Optional<String> parse(String given, String host) {
        if (given == null) {
            return Optional.empty();
        }
        String name = given.strip().toLowerCase(Locale.ROOT);
        name = name.replaceFirst("^https?://", "").replaceFirst("/$", "");
        String suffix = "." + host.toLowerCase(Locale.ROOT);
        if (name.endsWith(suffix)) {
            name = name.substring(0, name.length() - suffix.length());
        }
        return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
