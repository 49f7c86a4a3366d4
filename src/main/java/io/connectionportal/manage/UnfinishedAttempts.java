package io.connectionportal.manage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;

/**
 * Which abandoned or denied attempts a dashboard shows: the newest unfinished one per platform, offering to finish it,
 * and none for a platform the company already has a connection to (its card offers what to do).
 */
final class UnfinishedAttempts {

    private UnfinishedAttempts() {}

    /** {@code items} newest first, as {@link Connection#ofCompany(long)} gives them, each with its connection. */
    static <T> List<T> shown(List<T> items, Function<T, Connection> connectionOf) {
        Set<String> settled = new HashSet<>();
        items.stream()
                .map(connectionOf)
                .filter(c -> c.status != ConnectionStatus.PENDING_AUTH)
                .forEach(c -> settled.add(c.platformKey));
        Set<String> seen = new HashSet<>();
        return items.stream()
                .filter(item -> {
                    Connection c = connectionOf.apply(item);
                    return c.status != ConnectionStatus.PENDING_AUTH
                            || (!settled.contains(c.platformKey) && seen.add(c.platformKey));
                })
                .toList();
    }
}
