package io.connectionportal.connections;

/** Where a connection stands. Deleting a connection erases it; only an audit tombstone remains. */
public enum ConnectionStatus {
    /** The business was sent to the provider and has not come back yet. */
    PENDING_AUTH,
    /** Authorized: the portal holds working tokens. */
    LINKED,
    /** The provider no longer accepts the grant; the business must authorize again. */
    REAUTH_REQUIRED,
    /** The business withdrew access; the tokens were revoked. */
    DEAUTHORIZED
}
