package io.connectionportal.connections;

import io.connectionportal.platforms.Category;

/**
 * A connection changed state in a way an integrator is told about. Fired synchronously INSIDE the transaction that
 * makes the change (unlike {@link ConnectionLinked}), so what observers write (the webhook outbox) commits or rolls
 * back with it: each change is told exactly once.
 */
public record ConnectionChanged(
        long connectionId, long companyId, String platformKey, Category category, Change change) {

    /** What happened to the connection. */
    public enum Change {
        /** Authorized: first link, a colleague's share link, or a reconnect. */
        LINKED,
        /** The provider no longer accepts the grant. */
        REAUTHORIZATION_REQUIRED,
        /** The business withdrew access; the data read so far is kept. */
        DEAUTHORIZED,
        /** The connection and its data were erased. */
        DELETED
    }

    /** The change of {@code connection}, read while it still exists. */
    public static ConnectionChanged of(Connection connection, Change change) {
        return new ConnectionChanged(
                connection.id, connection.companyId, connection.platformKey, connection.category, change);
    }
}
