package io.connectionportal.sync;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pennylane's v2 records in the portal's shapes (the sandbox's: docs/providers.md has the table). Pennylane sends
 * amounts as decimal strings and keeps its books in euros; customer and supplier names are left out, as the sandbox's
 * invoices would show them but Pennylane's lists only link to them.
 */
@ApplicationScoped
class PennylaneRecords {

    private final ObjectMapper json;

    PennylaneRecords(ObjectMapper json) {
        this.json = json;
    }

    /** {@code GET /me}: the company the token was granted for; {@code reg_no} is its SIREN. */
    JsonNode company(JsonNode me) {
        JsonNode company = me.path("company");
        ObjectNode mapped = json.createObjectNode();
        mapped.put("id", text(company, "id"));
        mapped.put("legalName", text(company, "name"));
        mapped.put("registrationNumber", siren(company.path("reg_no")));
        // Pennylane's amounts are "in euros" (the documented amount fields): its books are kept in EUR.
        mapped.put("baseCurrency", "EUR");
        return mapped;
    }

    JsonNode ledgerAccount(JsonNode account) {
        ObjectNode mapped = json.createObjectNode();
        String number = text(account, "number");
        mapped.put("id", text(account, "id"));
        mapped.put("code", number);
        mapped.put("name", text(account, "label"));
        mapped.put("type", accountType(number));
        mapped.put("status", account.path("enabled").asBoolean(true) ? "ACTIVE" : "ARCHIVED");
        return mapped;
    }

    /** A customer invoice (or credit note, with negative amounts) as the sandbox's Invoice. */
    JsonNode invoice(JsonNode invoice, LocalDate today) {
        ObjectNode mapped = document(invoice, today);
        mapped.put("number", text(invoice, "invoice_number"));
        if (invoice.path("draft").asBoolean(false)) {
            mapped.put("status", "DRAFT");
        } else if (invoice.path("paid").asBoolean(false)) {
            mapped.put("status", "PAID");
        }
        return mapped;
    }

    /** A supplier invoice as the sandbox's Bill. */
    JsonNode bill(JsonNode bill, LocalDate today) {
        ObjectNode mapped = document(bill, today);
        mapped.put("reference", text(bill, "invoice_number"));
        return mapped;
    }

    /** What invoices and bills share; the status follows what remains to be paid and the deadline. */
    private ObjectNode document(JsonNode document, LocalDate today) {
        ObjectNode mapped = json.createObjectNode();
        mapped.put("id", text(document, "id"));
        mapped.put("issueDate", text(document, "date"));
        mapped.put("dueDate", text(document, "deadline"));
        mapped.put("currency", text(document, "currency"));
        mapped.put("netAmount", amount(document, "currency_amount_before_tax"));
        mapped.put("taxAmount", amount(document, "currency_tax"));
        mapped.put("totalAmount", amount(document, "currency_amount"));
        BigDecimal due = amount(document, "remaining_amount_with_tax");
        mapped.put("amountDue", due);
        mapped.put("status", status(due, text(document, "deadline"), today));
        return mapped;
    }

    static String status(BigDecimal due, String deadline, LocalDate today) {
        if (due != null && due.signum() == 0) {
            return "PAID";
        }
        try {
            return deadline != null && LocalDate.parse(deadline).isBefore(today) ? "OVERDUE" : "OPEN";
        } catch (DateTimeParseException e) {
            return "OPEN";
        }
    }

    /**
     * The French chart of accounts (plan comptable général) types an account by its first digits: classes 1 to 5
     * are the balance sheet (10-14 equity, 15-19 liabilities, 2-3 assets, 40/42-44 liabilities, 41 and 4456
     * deductible VAT assets, 5 cash), 6 expenses, 7 revenue.
     */
    static String accountType(String number) {
        if (number == null || number.isEmpty() || !Character.isDigit(number.charAt(0))) {
            return "OTHER";
        }
        return switch (number.charAt(0)) {
            case '1' -> number.compareTo("15") < 0 ? "EQUITY" : "LIABILITY";
            case '2', '3', '5' -> "ASSET";
            case '4' -> number.startsWith("41") || number.startsWith("4456") ? "ASSET" : "LIABILITY";
            case '6' -> "EXPENSE";
            case '7' -> "REVENUE";
            default -> "OTHER";
        };
    }

    /** A SIREN has nine digits; one sent as a JSON number loses its leading zeros, which are put back. */
    private static String siren(JsonNode regNo) {
        if (regNo.isMissingNode() || regNo.isNull()) {
            return null;
        }
        String value = regNo.asText().strip();
        return value.matches("\\d{1,8}") ? "0".repeat(9 - value.length()) + value : value;
    }

    private static BigDecimal amount(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
