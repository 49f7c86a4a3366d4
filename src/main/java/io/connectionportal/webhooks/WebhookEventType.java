package io.connectionportal.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events an integrator can subscribe to, by the {@code type} they carry in their body. */
public enum WebhookEventType {
    COMPANY_CREATED("company.created"),
    CONNECTION_LINKED("connection.linked"),
    CONNECTION_REAUTHORIZATION_REQUIRED("connection.reauthorization_required"),
    CONNECTION_DEAUTHORIZED("connection.deauthorized"),
    CONNECTION_DELETED("connection.deleted"),
    SYNC_SUCCEEDED("sync.succeeded"),
    SYNC_FAILED("sync.failed"),
    CONSENT_WITHDRAWN("consent.withdrawn");

    private final String type;

    WebhookEventType(String type) {
        this.type = type;
    }

    /** The name on the wire, e.g. {@code connection.linked}. */
    public String type() {
        return type;
    }

    public static Optional<WebhookEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
