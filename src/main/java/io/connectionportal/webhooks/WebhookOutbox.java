package io.connectionportal.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectionportal.connections.ConnectionChanged;
import io.connectionportal.consent.ConsentWithdrawn;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.CompanyCreated;
import io.connectionportal.shared.RandomTokens;
import io.connectionportal.sync.SyncFinished;
import io.connectionportal.sync.SyncOutcome;

/**
 * Turns the portal's state changes into webhook messages: one outbox row per enabled endpoint subscribed to the type,
 * written by synchronous observers in the transaction of the change itself. The change and its message commit or
 * roll back together, so each change is told exactly once; delivery ({@link WebhookDispatcher}) is at least once.
 * A payload carries ids and states only: never a token, never personal data.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final ObjectMapper json;

    WebhookOutbox(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onCompanyCreated(@Observes CompanyCreated created) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("companyId", created.companyId());
        // The integrator's own reference, when its API call gave one: how it finds its customer again.
        String externalRef = Company.<Company>findById(created.companyId()).externalRef;
        if (externalRef != null) {
            data.put("externalRef", externalRef);
        }
        emit(WebhookEventType.COMPANY_CREATED, created.companyId(), data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onConnectionChanged(@Observes ConnectionChanged changed) {
        WebhookEventType type = switch (changed.change()) {
            case LINKED -> WebhookEventType.CONNECTION_LINKED;
            case REAUTHORIZATION_REQUIRED -> WebhookEventType.CONNECTION_REAUTHORIZATION_REQUIRED;
            case DEAUTHORIZED -> WebhookEventType.CONNECTION_DEAUTHORIZED;
            case DELETED -> WebhookEventType.CONNECTION_DELETED;
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("companyId", changed.companyId());
        data.put("connectionId", changed.connectionId());
        data.put("platform", changed.platformKey());
        data.put("category", changed.category().key());
        data.put("status", changed.change().name().toLowerCase(Locale.ROOT));
        emit(type, changed.companyId(), data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onSyncFinished(@Observes SyncFinished finished) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("companyId", finished.companyId());
        data.put("connectionId", finished.connectionId());
        data.put("platform", finished.platformKey());
        data.put("category", finished.category().key());
        data.put("syncId", finished.syncRunId());
        data.put("status", finished.outcome().name().toLowerCase(Locale.ROOT));
        WebhookEventType type = finished.outcome() == SyncOutcome.SUCCESS
                ? WebhookEventType.SYNC_SUCCEEDED
                : WebhookEventType.SYNC_FAILED;
        emit(type, finished.companyId(), data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onConsentWithdrawn(@Observes ConsentWithdrawn withdrawn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("companyId", withdrawn.companyId());
        data.put("category", withdrawn.category().key());
        emit(WebhookEventType.CONSENT_WITHDRAWN, withdrawn.companyId(), data);
    }

    /** Queues one message of {@code type} for every endpoint that wants it; returns how many rows were written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int emit(WebhookEventType type, Long companyId, Map<String, Object> data) {
        List<WebhookEndpoint> endpoints = WebhookEndpoint.enabled().stream()
                .filter(e -> e.subscribedTo(type))
                .toList();
        if (endpoints.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        String payload = payload(type, now, data);
        // One id per event: an endpoint sees the same webhook-id on every retry and can drop duplicates by it.
        String messageId = "msg_" + RandomTokens.next();
        for (WebhookEndpoint endpoint : endpoints) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.endpointId = endpoint.id;
            delivery.messageId = messageId;
            delivery.eventType = type.type();
            delivery.companyId = companyId;
            delivery.payload = payload;
            delivery.createdAt = now;
            delivery.attempts = 0;
            delivery.nextAttemptAt = now;
            delivery.persist();
        }
        return endpoints.size();
    }

    private String payload(WebhookEventType type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.type());
        body.put("timestamp", at.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook payload could not be written", e);
        }
    }
}
