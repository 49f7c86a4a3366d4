package io.connectionportal.sync;

/** How a sync ended. */
public enum SyncOutcome {
    /** Every data type was fetched and stored. */
    SUCCESS,
    /** Something went wrong (provider down, unexpected answer); the data of the previous success is kept. */
    FAILED,
    /** The provider no longer accepts the grant: the connection is now {@code REAUTH_REQUIRED} and is not synced again. */
    REAUTH_REQUIRED
}
