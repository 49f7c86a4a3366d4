package io.connectionportal.shared;

/** Guards redirects that take a target from the request, so the portal can never be used as an open redirect. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    /** Returns {@code candidate} when it is a path on this site, otherwise {@code fallback}. */
    public static String localPath(String candidate, String fallback) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 512) {
            return fallback;
        }
        boolean local = candidate.startsWith("/")
                && !candidate.startsWith("//")
                && !candidate.startsWith("/\\")
                && candidate.chars().noneMatch(c -> c < 0x20 || c == '\\');
        return local ? candidate : fallback;
    }
}
