package io.connectionportal.shared;

import java.net.URI;

/** Guards redirects that take a target from the request, so the portal can never be used as an open redirect. */
public final class SafeRedirect {

    private SafeRedirect() {}

    /** Returns {@code candidate} when it is a path on this site, otherwise {@code fallback}. */
    public static String localPath(String candidate, String fallback) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 512) {
            return fallback;
        }
        boolean local = candidate.startsWith("/")
                && !candidate.startsWith("//")
                && !candidate.startsWith("/\\")
                && candidate.chars().noneMatch(c -> c < 0x20 || c == '\\');
        return local && parses(candidate) ? candidate : fallback;
    }

    /** A malformed escape or a space would fail later, when the Location header is built: fall back instead. */
    private static boolean parses(String candidate) {
        try {
            URI.create(candidate);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
