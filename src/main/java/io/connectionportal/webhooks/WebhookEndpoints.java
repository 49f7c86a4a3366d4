package io.connectionportal.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the back office does to an endpoint; the configured ones are written by {@link ConfiguredEndpoints}. */
@ApplicationScoped
public class WebhookEndpoints {

    /** Enables a disabled endpoint again with a fresh start; false when there is no such disabled endpoint. */
    public boolean enable(long endpointId) {
        return QuarkusTransaction.requiringNew()
                        .call(() -> WebhookEndpoint.update(
                                "disabledAt = null, failingSince = null where id = ?1 and disabledAt is not null",
                                endpointId))
                == 1;
    }
}
