package io.connectionportal.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.connectionportal.shared.Company;
import io.connectionportal.webhooks.WebhookDelivery;
import io.connectionportal.webhooks.WebhookEndpoint;

/**
 * The back office's reads of webhook endpoints and their delivery log: an endpoint's deliveries newest first, a page
 * at a time by keyset on the index on endpoint and id, with the names of their companies read at once.
 */
@ApplicationScoped
class WebhookLog {

    static final int PAGE_SIZE = 50;

    /** A delivery of the log and the company it is about (empty for none, or a company since erased). */
    record DeliveryLine(WebhookDelivery delivery, String companyName) {
        public boolean failed() {
            return delivery.failedAt != null;
        }
    }

    record DeliveryPage(List<DeliveryLine> lines, Optional<Long> olderBefore, boolean notNewest) {}

    @Transactional
    List<WebhookEndpoint> endpoints() {
        return WebhookEndpoint.list("order by id");
    }

    @Transactional
    Optional<WebhookEndpoint> endpoint(long id) {
        return WebhookEndpoint.findByIdOptional(id);
    }

    @Transactional
    DeliveryPage deliveries(long endpointId, Optional<Long> before) {
        List<WebhookDelivery> rows = before.isPresent()
                ? WebhookDelivery.<WebhookDelivery>find(
                                "endpointId = ?1 and id < ?2 order by id desc", endpointId, before.get())
                        .page(0, PAGE_SIZE + 1)
                        .list()
                : WebhookDelivery.<WebhookDelivery>find("endpointId = ?1 order by id desc", endpointId)
                        .page(0, PAGE_SIZE + 1)
                        .list();
        boolean older = rows.size() > PAGE_SIZE;
        List<WebhookDelivery> deliveries = older ? rows.subList(0, PAGE_SIZE) : rows;
        List<Long> companyIds = deliveries.stream()
                .map(d -> d.companyId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        Map<Long, String> names = new HashMap<>();
        if (!companyIds.isEmpty()) {
            Company.<Company>list("id in ?1", companyIds).forEach(c -> names.put(c.id, c.name));
        }
        List<DeliveryLine> lines = deliveries.stream()
                .map(d -> new DeliveryLine(d, d.companyId == null ? "" : names.getOrDefault(d.companyId, "")))
                .toList();
        return new DeliveryPage(
                lines,
                older ? Optional.of(deliveries.get(deliveries.size() - 1).id) : Optional.empty(),
                before.isPresent());
    }

    /** Whether the delivery is one of this endpoint's. */
    @Transactional
    boolean belongsTo(long deliveryId, long endpointId) {
        return WebhookDelivery.count("id = ?1 and endpointId = ?2", deliveryId, endpointId) == 1;
    }
}
