package io.connectionportal.consent;

/**
 * The business withdrew its consent to share data. Whoever records a withdrawal fires this synchronously inside the
 * transaction that records it (with {@code Event<ConsentWithdrawn>}), so the webhook outbox commits with it.
 */
public record ConsentWithdrawn(long companyId) {}
