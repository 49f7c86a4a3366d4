package io.connectionportal.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import io.connectionportal.shared.LogText;
import io.connectionportal.shared.PortalConfig;

/**
 * Writes the endpoints of {@code portal.webhooks.endpoints.*} into the table at start-up, by name: each instance does
 * the same, so it is idempotent (an insert another instance made first is found by the unique name on the retry).
 * A configured endpoint that is no longer configured is disabled, not deleted, so its delivery log stays.
 */
@ApplicationScoped
class ConfiguredEndpoints {

    private final PortalConfig config;

    ConfiguredEndpoints(PortalConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        upsertAll();
    }

    void upsertAll() {
        Map<String, PortalConfig.Webhooks.Endpoint> endpoints =
                config.webhooks().endpoints();
        endpoints.forEach(this::check);
        for (Map.Entry<String, PortalConfig.Webhooks.Endpoint> entry : endpoints.entrySet()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> upsert(entry.getKey(), entry.getValue()));
            } catch (RuntimeException raced) {
                // Another instance inserted the same name meanwhile: now it is found and updated.
                QuarkusTransaction.requiringNew().run(() -> upsert(entry.getKey(), entry.getValue()));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (WebhookEndpoint stale :
                    WebhookEndpoint.<WebhookEndpoint>list("fromConfig = true and disabledAt is null")) {
                if (!endpoints.containsKey(stale.name)) {
                    stale.disabledAt = Instant.now();
                    Log.infof("Webhook endpoint %s disabled: no longer configured", LogText.clean(stale.name));
                }
            }
        });
    }

    private void check(String name, PortalConfig.Webhooks.Endpoint endpoint) {
        if (!WebhookSignature.wellFormed(endpoint.secret())) {
            throw new IllegalStateException("portal.webhooks.endpoints." + name
                    + ".secret must be whsec_ followed by base64 of at least " + WebhookSignature.MIN_KEY_BYTES
                    + " random bytes");
        }
        URI url;
        try {
            url = URI.create(endpoint.url());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("portal.webhooks.endpoints." + name + ".url is not a URL", e);
        }
        if (url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalStateException("portal.webhooks.endpoints." + name + ".url must be an http(s) URL");
        }
        for (String type : endpoint.events().split(",")) {
            String trimmed = type.trim();
            if (!trimmed.equals(WebhookEndpoint.ALL_EVENTS)
                    && WebhookEventType.ofType(trimmed).isEmpty()) {
                throw new IllegalStateException("portal.webhooks.endpoints." + name + ".events names an unknown type: "
                        + LogText.clean(trimmed));
            }
        }
    }

    private void upsert(String name, PortalConfig.Webhooks.Endpoint configured) {
        WebhookEndpoint endpoint = WebhookEndpoint.find("name", name).firstResult();
        if (endpoint == null) {
            endpoint = new WebhookEndpoint();
            endpoint.name = name;
            endpoint.createdAt = Instant.now();
        } else if (endpoint.disabledAt != null
                && (endpoint.failingSince == null || !configured.url().equals(endpoint.url))) {
            // Configured again after being left out, or given a new URL after failing: a fresh start.
            endpoint.disabledAt = null;
            endpoint.failingSince = null;
        }
        endpoint.url = configured.url();
        endpoint.secret = configured.secret();
        endpoint.events = configured.events();
        endpoint.fromConfig = true;
        endpoint.persistAndFlush();
    }
}
