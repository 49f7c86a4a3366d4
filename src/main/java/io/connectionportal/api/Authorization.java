package io.connectionportal.api;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code Authorization: Bearer <key>} (RFC 6750 section 2.1); anything else is no key at all. */
final class Authorization {

    /** RFC 6750's b64token, bounded: no key the portal makes or accepts is longer. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]{1,200}=*");

    private Authorization() {}

    static Optional<String> bearerKey(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = header.substring(7).strip();
        return isToken(key) ? Optional.of(key) : Optional.empty();
    }

    static boolean isToken(String value) {
        return TOKEN.matcher(value).matches();
    }
}
