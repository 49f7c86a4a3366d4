package io.connectionportal.sync;

/** What started a sync; kept with every run in the history. */
public enum Trigger {
    /** Right after a connection became linked. */
    INITIAL,
    /** The business pressed "Refresh now". */
    MANUAL,
    /** The connection's data was older than {@code portal.sync.interval}. */
    SCHEDULED
}
