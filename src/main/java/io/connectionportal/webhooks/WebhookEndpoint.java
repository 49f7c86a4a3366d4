package io.connectionportal.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where events are sent: declared in configuration (upserted by name at start-up) or, later, in the back office. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    public static final String ALL_EVENTS = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    /** {@code whsec_} + base64: needed in clear to sign, so never shown or logged. */
    @Column(nullable = false)
    String secret;

    @Column(nullable = false)
    public String events;

    @Column(name = "from_config", nullable = false)
    public boolean fromConfig;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    /** The first failure since the last success; null while deliveries succeed. */
    @Column(name = "failing_since")
    public Instant failingSince;

    /** Set when the endpoint failed for {@code portal.webhooks.disable-after}; it then receives nothing. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    boolean subscribedTo(WebhookEventType type) {
        List<String> types = Arrays.stream(events.split(",")).map(String::trim).toList();
        return types.contains(ALL_EVENTS) || types.contains(type.type());
    }

    static List<WebhookEndpoint> enabled() {
        return list("disabledAt is null order by id");
    }
}
