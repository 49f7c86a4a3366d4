package io.connectionportal.admin;

import java.util.Arrays;
import java.util.List;

import io.connectionportal.shared.FormErrors;
import io.connectionportal.webhooks.WebhookEndpoint;
import io.connectionportal.webhooks.WebhookEndpoints;
import io.connectionportal.webhooks.WebhookEventType;

/** What an admin entered to create a webhook endpoint, kept as entered to show it again beside its errors. */
record EndpointForm(String name, String url, List<String> events) {

    static EndpointForm empty() {
        return new EndpointForm("", "", List.of());
    }

    static EndpointForm of(String name, String url, List<String> events) {
        return new EndpointForm(
                name == null ? "" : name.strip(), url == null ? "" : url.strip(), events == null ? List.of() : events);
    }

    public boolean all() {
        return events.contains(WebhookEndpoint.ALL_EVENTS);
    }

    public boolean chosen(WebhookEventType type) {
        return events.contains(type.type());
    }

    public List<WebhookEventType> types() {
        return Arrays.asList(WebhookEventType.values());
    }

    /** Checks the fields; the message texts come from the back office's bundle. */
    FormErrors check(WebhookEndpoints endpoints, AdminMessages msg) {
        FormErrors errors = new FormErrors();
        if (name.isEmpty()) {
            errors.add("name", msg.endpoint_error_name_required());
        } else if (name.length() > WebhookEndpoints.NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            errors.add("name", msg.endpoint_error_name_invalid(WebhookEndpoints.NAME_MAX));
        } else if (endpoints.nameTaken(name)) {
            errors.add("name", msg.endpoint_error_name_taken());
        }
        if (url.isEmpty()) {
            errors.add("url", msg.endpoint_error_url_required());
        } else {
            endpoints
                    .urlProblem(url)
                    .ifPresent(problem -> errors.add(
                            "url",
                            switch (problem) {
                                case NOT_A_URL -> msg.endpoint_error_url_invalid();
                                case NOT_HTTPS -> msg.endpoint_error_url_https();
                                case NOT_PUBLIC -> msg.endpoint_error_url_private();
                            }));
        }
        boolean known = events.stream()
                .allMatch(e -> e.equals(WebhookEndpoint.ALL_EVENTS)
                        || WebhookEventType.ofType(e).isPresent());
        if (events.isEmpty() || !known) {
            errors.add("events", msg.endpoint_error_events());
        }
        return errors;
    }

    /** The events column: all, or the chosen types in the enum's order. */
    String eventsValue() {
        if (all()) {
            return WebhookEndpoint.ALL_EVENTS;
        }
        return String.join(
                ",",
                Arrays.stream(WebhookEventType.values())
                        .filter(this::chosen)
                        .map(WebhookEventType::type)
                        .toList());
    }
}
