package io.connectionportal.manage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;

/**
 * Which abandoned or denied attempts a dashboard shows: the newest unfinished one per platform, offering to finish it,
 * and none for a platform the company already has a connection to (its card offers what to do).
 */
final class UnfinishedAttempts {

    private UnfinishedAttempts() {}

    /** {@code connections} newest first, as {@link Connection#ofCompany(long)} gives them. */
    static List<Connection> shown(List<Connection> connections) {
        Set<String> settled = new HashSet<>();
        connections.stream()
                .filter(c -> c.status != ConnectionStatus.PENDING_AUTH)
                .forEach(c -> settled.add(c.platformKey));
        Set<String> seen = new HashSet<>();
        return connections.stream()
                .filter(c -> c.status != ConnectionStatus.PENDING_AUTH
                        || (!settled.contains(c.platformKey) && seen.add(c.platformKey)))
                .toList();
    }
}
