package io.connectionportal.sync;

/** A sync job was queued and committed on this instance: its worker can start it now rather than at its next poll. */
record SyncQueued(long jobId) {}
