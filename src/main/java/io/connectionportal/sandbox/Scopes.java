package io.connectionportal.sandbox;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * The sandbox's scopes: {@code offline_access} (a refresh token is issued) and one {@code <type>.read}
 * per data type the platform offers, e.g. {@code invoices.read}. Kept in a canonical order so that
 * stored and returned scope strings are stable.
 */
final class Scopes {

    static final String OFFLINE_ACCESS = "offline_access";
    private static final String READ = ".read";

    private Scopes() {}

    static String read(DataType type) {
        return type.key() + READ;
    }

    /**
     * The requested scopes if every one is valid for this platform and at least one reads data;
     * empty otherwise (the caller answers {@code invalid_scope}).
     */
    static Optional<Set<String>> parse(String requested, Platform platform) {
        Set<String> asked = split(requested);
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(OFFLINE_ACCESS);
        platform.reads().forEach(type -> allowed.add(read(type)));
        if (asked.isEmpty()
                || !allowed.containsAll(asked)
                || dataTypes(asked, platform).isEmpty()) {
            return Optional.empty();
        }
        allowed.retainAll(asked);
        return Optional.of(allowed);
    }

    /** RFC 6749 §3.3: space-delimited, case-sensitive; repeated spaces and duplicates are tolerated. */
    static Set<String> split(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(scopes.strip().split(" +")));
    }

    static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    /** The platform's data types these scopes may read, in the platform's order. */
    static List<DataType> dataTypes(Set<String> scopes, Platform platform) {
        return platform.reads().stream()
                .filter(type -> scopes.contains(read(type)))
                .toList();
    }

    static boolean offline(Set<String> scopes) {
        return scopes.contains(OFFLINE_ACCESS);
    }
}
