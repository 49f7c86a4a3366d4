package io.connectionportal.sync;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectionportal.platforms.DataType;

/**
 * Shopify's REST Admin API records in the portal's shapes (the sandbox's Order, Payout and Customer). A customer keeps
 * no name, e-mail, phone or street: only where it is (city, country) and what it spent, as in the sandbox. Times are
 * turned to UTC, statuses to upper case ({@code partially_refunded} → {@code PARTIALLY_REFUNDED}); an order Shopify
 * has not fulfilled ({@code fulfillment_status} null) is {@code UNFULFILLED}.
 */
@ApplicationScoped
class ShopifyRecords {

    private final ObjectMapper json;

    ShopifyRecords(ObjectMapper json) {
        this.json = json;
    }

    JsonNode map(DataType type, JsonNode item) throws ProviderApiException {
        return switch (type) {
            case ORDERS -> order(item);
            case PAYOUTS -> payout(item);
            case CUSTOMERS -> customer(item);
            default ->
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR, "Shopify has no " + type.key() + " to map");
        };
    }

    private ObjectNode order(JsonNode o) {
        ObjectNode order = json.createObjectNode();
        order.put("id", o.path("id").asText());
        order.put("number", text(o, "name"));
        order.put("createdAt", utc(text(o, "created_at")));
        order.put(
                "customerId",
                o.path("customer").hasNonNull("id")
                        ? o.path("customer").path("id").asText()
                        : null);
        int items = 0;
        for (JsonNode line : o.path("line_items")) {
            items += line.path("quantity").asInt();
        }
        order.put("itemCount", items);
        order.put("subtotal", amount(o.path("subtotal_price")));
        order.put(
                "shipping",
                amount(o.path("total_shipping_price_set").path("shop_money").path("amount")));
        order.put("tax", amount(o.path("total_tax")));
        order.put("total", amount(o.path("total_price")));
        order.put("currency", text(o, "currency"));
        order.put("financialStatus", upper(text(o, "financial_status")));
        String fulfillment = text(o, "fulfillment_status");
        order.put("fulfillmentStatus", fulfillment == null ? "UNFULFILLED" : upper(fulfillment));
        order.put("shippingCountry", text(o.path("shipping_address"), "country_code"));
        return order;
    }

    /** Gross and fees are the sums of the summary's {@code *_gross_amount} and {@code *_fee_amount} lines. */
    private ObjectNode payout(JsonNode p) {
        ObjectNode payout = json.createObjectNode();
        payout.put("id", p.path("id").asText());
        payout.put("date", text(p, "date"));
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (Iterator<Map.Entry<String, JsonNode>> lines = p.path("summary").fields(); lines.hasNext(); ) {
            Map.Entry<String, JsonNode> line = lines.next();
            if (line.getKey().endsWith("_gross_amount")) {
                gross = gross.add(amount(line.getValue()));
            } else if (line.getKey().endsWith("_fee_amount")) {
                fees = fees.add(amount(line.getValue()));
            }
        }
        payout.put("grossAmount", gross);
        payout.put("fees", fees);
        payout.put("amount", amount(p.path("amount")));
        payout.put("currency", text(p, "currency"));
        payout.put("status", upper(text(p, "status")));
        return payout;
    }

    private ObjectNode customer(JsonNode c) {
        ObjectNode customer = json.createObjectNode();
        customer.put("id", c.path("id").asText());
        customer.put("createdAt", utc(text(c, "created_at")));
        JsonNode address = c.path("default_address");
        customer.put("city", text(address, "city"));
        customer.put("country", text(address, "country_code"));
        customer.put("ordersCount", c.path("orders_count").asInt());
        customer.put("totalSpent", amount(c.path("total_spent")));
        customer.put("currency", text(c, "currency"));
        return customer;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** Shopify sends amounts as decimal strings ("41.90"): kept exact, as JSON numbers. */
    private static BigDecimal amount(JsonNode value) {
        if (value == null
                || value.isMissingNode()
                || value.isNull()
                || value.asText().isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException malformed) {
            // One odd value must not fail the whole sync; it is stored as unknown, like the other clients do.
            return null;
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String utc(String time) {
        return time == null
                ? null
                : OffsetDateTime.parse(time)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toString();
    }
}
