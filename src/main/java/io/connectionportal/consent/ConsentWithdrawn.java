package io.connectionportal.consent;

import io.connectionportal.platforms.Category;

/**
 * The business withdrew its consent to share a kind of data. Fired by {@link Consents#withdraw} synchronously inside
 * the transaction that records the withdrawal, so observers (the webhook outbox) commit with it.
 */
public record ConsentWithdrawn(long companyId, Category category) {}
