package io.connectionportal.sync;

import io.connectionportal.platforms.Category;

/**
 * A sync run was recorded with its outcome. Fired synchronously inside the transaction that records the run, so
 * observers (the webhook outbox) commit with it.
 */
public record SyncFinished(
        long syncRunId,
        long connectionId,
        long companyId,
        String platformKey,
        Category category,
        SyncOutcome outcome) {}
