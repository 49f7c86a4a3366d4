package io.connectionportal.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Qonto's records in the portal's shapes (the sandbox's: docs/providers.md has the table). Amounts come from the
 * integer {@code *_cents} fields, which the documentation always gives as numbers, and take the sign of their
 * {@code side}. An IBAN is reduced to its country and check digits and its last four characters, as the sandbox
 * shows an account number: the full IBAN never leaves this class.
 */
@ApplicationScoped
class QontoRecords {

    /** Qonto is a French bank: a transaction's day is the day in Paris. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ObjectMapper json;

    QontoRecords(ObjectMapper json) {
        this.json = json;
    }

    /** The account's id, or its slug when Qonto's answer carries no id (older examples of /organization). */
    static String accountId(JsonNode account) {
        return account.hasNonNull("id")
                ? account.get("id").asText()
                : account.path("slug").asText(null);
    }

    JsonNode bankAccount(JsonNode account) {
        ObjectNode mapped = json.createObjectNode();
        mapped.put("id", accountId(account));
        mapped.put("name", text(account, "name"));
        mapped.put("type", "CURRENT");
        mapped.put("currency", text(account, "currency"));
        mapped.put("maskedAccountNumber", masked(text(account, "iban")));
        mapped.put("balance", cents(account, "balance_cents", "balance"));
        mapped.put("institution", "Qonto");
        return mapped;
    }

    /** A transaction of the account {@code accountId}; debits are negative, as in the sandbox. */
    JsonNode transaction(JsonNode transaction, String accountId) {
        ObjectNode mapped = json.createObjectNode();
        boolean debit = "debit".equalsIgnoreCase(text(transaction, "side"));
        BigDecimal amount = cents(transaction, "amount_cents", "amount");
        mapped.put("id", transaction.hasNonNull("id") ? text(transaction, "id") : text(transaction, "transaction_id"));
        mapped.put("accountId", accountId);
        mapped.put(
                "date",
                day(
                        transaction.hasNonNull("settled_at")
                                ? text(transaction, "settled_at")
                                : text(transaction, "emitted_at")));
        mapped.put("description", text(transaction, "label"));
        mapped.put("category", text(transaction, "category"));
        mapped.put("type", debit ? "DEBIT" : "CREDIT");
        mapped.put("amount", amount == null ? null : debit ? amount.abs().negate() : amount.abs());
        mapped.put("currency", text(transaction, "currency"));
        mapped.put(
                "status",
                transaction.hasNonNull("status") ? text(transaction, "status").toUpperCase(Locale.ROOT) : null);
        return mapped;
    }

    /** "FR76 •••• 3951": the country and check digits and the last four characters, as the sandbox shows them. */
    static String masked(String iban) {
        if (iban == null) {
            return null;
        }
        String compact = iban.replace(" ", "");
        if (compact.length() < 8) {
            return "•••• " + compact.substring(Math.max(0, compact.length() - 4));
        }
        return compact.substring(0, 4) + " •••• " + compact.substring(compact.length() - 4);
    }

    /** The amount from its integer cents when given, else the decimal (which some examples write "10,00"). */
    private static BigDecimal cents(JsonNode node, String centsField, String field) {
        JsonNode cents = node.path(centsField);
        if (cents.canConvertToLong()) {
            return BigDecimal.valueOf(cents.asLong(), 2);
        }
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return value.isTextual() ? new BigDecimal(value.asText().replace(',', '.')) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String day(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return LocalDate.ofInstant(Instant.parse(timestamp), PARIS).toString();
        } catch (DateTimeParseException e) {
            return timestamp.length() >= 10 ? timestamp.substring(0, 10) : timestamp;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
