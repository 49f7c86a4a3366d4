package io.connectionportal.shared;

/**
 * A company was created (sign-up, or an integrator's API call). Fired synchronously inside the transaction that
 * created it, so observers (the webhook outbox) commit with it.
 */
public record CompanyCreated(long companyId) {}
