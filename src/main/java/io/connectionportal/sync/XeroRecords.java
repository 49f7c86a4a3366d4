package io.connectionportal.sync;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Xero's records in the portal's shapes (the sandbox's). Statuses: AUTHORISED and SUBMITTED are OPEN, or OVERDUE
 * once due with an amount left; PAID is PAID; VOIDED and DELETED are VOID; DRAFT stays DRAFT. Report lines are read
 * from the rows Xero totals ("Total Income", "Net Profit", "Total Assets", …), the titles of its documented examples.
 */
final class XeroRecords {

    /** {@code /Date(1243382400000+0000)/}: how Xero's JSON writes a date without its string twin. */
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private static final Map<String, String> PROFIT_AND_LOSS_LINES = Map.of(
            "Total Income", "revenue",
            "Total Cost of Sales", "costOfSales",
            "Gross Profit", "grossProfit",
            "Total Operating Expenses", "operatingExpenses",
            "Net Profit", "netProfit");

    private static final Map<String, String> BALANCE_SHEET_LINES = Map.of(
            "Total Bank", "cash",
            "Accounts Receivable", "accountsReceivable",
            "Inventory", "inventory",
            "Total Fixed Assets", "fixedAssets",
            "Total Assets", "totalAssets",
            "Accounts Payable", "accountsPayable",
            "Total Liabilities", "totalLiabilities",
            "Total Equity", "equity");

    private final ObjectMapper json;
    private final Clock clock;

    XeroRecords(ObjectMapper json) {
        this(json, Clock.systemUTC());
    }

    XeroRecords(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    JsonNode company(JsonNode organisation) {
        ObjectNode company = json.createObjectNode();
        company.put("id", text(organisation, "OrganisationID"));
        company.put("legalName", text(organisation, "LegalName"));
        company.put("tradingName", text(organisation, "Name"));
        company.put("legalForm", text(organisation, "OrganisationEntityType"));
        company.put("registrationNumber", text(organisation, "RegistrationNumber"));
        company.put("taxNumber", text(organisation, "TaxNumber"));
        company.put("industry", text(organisation, "LineOfBusiness"));
        company.put("baseCurrency", text(organisation, "BaseCurrency"));
        if (organisation.hasNonNull("FinancialYearEndMonth") && organisation.hasNonNull("FinancialYearEndDay")) {
            company.put(
                    "financialYearEnd",
                    String.format(
                            Locale.ROOT,
                            "%02d-%02d",
                            organisation.get("FinancialYearEndMonth").asInt(),
                            organisation.get("FinancialYearEndDay").asInt()));
        }
        JsonNode address = streetAddress(organisation.path("Addresses"));
        if (address != null) {
            ObjectNode mapped = company.putObject("address");
            mapped.put("line1", text(address, "AddressLine1"));
            mapped.put("postalCode", text(address, "PostalCode"));
            mapped.put("city", text(address, "City"));
            mapped.put("region", text(address, "Region"));
            mapped.put("country", text(address, "Country"));
        }
        return company;
    }

    /** The street address, else the first one (a PO box). */
    private static JsonNode streetAddress(JsonNode addresses) {
        JsonNode first = null;
        for (JsonNode address : addresses) {
            if ("STREET".equals(address.path("AddressType").asText())) {
                return address;
            }
            first = first == null ? address : first;
        }
        return first;
    }

    JsonNode account(JsonNode account) {
        ObjectNode mapped = json.createObjectNode();
        mapped.put("id", text(account, "AccountID"));
        mapped.put("code", text(account, "Code"));
        mapped.put("name", text(account, "Name"));
        // Class is the five-way ASSET/LIABILITY/EQUITY/REVENUE/EXPENSE the portal uses; Type is finer (BANK, CURRENT…).
        mapped.put("type", text(account, "Class"));
        mapped.put("status", "ARCHIVED".equals(account.path("Status").asText()) ? "ARCHIVED" : "ACTIVE");
        return mapped;
    }

    JsonNode invoice(JsonNode invoice) {
        ObjectNode mapped = document(invoice);
        mapped.put("number", text(invoice, "InvoiceNumber"));
        mapped.put("customerName", text(invoice.path("Contact"), "Name"));
        return reorder(mapped, "id", "number", "customerName");
    }

    JsonNode bill(JsonNode bill) {
        ObjectNode mapped = document(bill);
        String reference = text(bill, "InvoiceNumber");
        mapped.put("reference", reference != null ? reference : text(bill, "Reference"));
        mapped.put("supplierName", text(bill.path("Contact"), "Name"));
        return reorder(mapped, "id", "reference", "supplierName");
    }

    private ObjectNode document(JsonNode invoice) {
        ObjectNode mapped = json.createObjectNode();
        mapped.put("id", text(invoice, "InvoiceID"));
        String dueDate = date(invoice, "DueDateString", "DueDate");
        mapped.put("issueDate", date(invoice, "DateString", "Date"));
        mapped.put("dueDate", dueDate);
        mapped.put("currency", text(invoice, "CurrencyCode"));
        mapped.put("netAmount", decimal(invoice.path("SubTotal")));
        mapped.put("taxAmount", decimal(invoice.path("TotalTax")));
        mapped.put("totalAmount", decimal(invoice.path("Total")));
        BigDecimal due = decimal(invoice.path("AmountDue"));
        mapped.put("amountDue", due);
        mapped.put("status", status(invoice.path("Status").asText(), dueDate, due));
        mapped.put("paidDate", date(invoice, null, "FullyPaidOnDate"));
        return mapped;
    }

    private String status(String xero, String dueDate, BigDecimal due) {
        return switch (xero) {
            case "PAID" -> "PAID";
            case "VOIDED", "DELETED" -> "VOID";
            case "DRAFT" -> "DRAFT";
            default ->
                dueDate != null
                                && due != null
                                && due.signum() > 0
                                && LocalDate.parse(dueDate).isBefore(LocalDate.now(clock))
                        ? "OVERDUE"
                        : "OPEN";
        };
    }

    JsonNode profitAndLoss(JsonNode report, YearMonth month) {
        ObjectNode statement = statement("pl-" + month, "PROFIT_AND_LOSS", month);
        statement.put("periodStart", month.atDay(1).toString());
        lines(report.path("Rows"), PROFIT_AND_LOSS_LINES, statement.putObject("lines"));
        return reorder(statement, "id", "type", "periodStart", "periodEnd");
    }

    JsonNode balanceSheet(JsonNode report, YearMonth month) {
        ObjectNode statement = statement("bs-" + month, "BALANCE_SHEET", month);
        lines(report.path("Rows"), BALANCE_SHEET_LINES, statement.putObject("lines"));
        return statement;
    }

    private ObjectNode statement(String id, String type, YearMonth month) {
        ObjectNode statement = json.createObjectNode();
        statement.put("id", id);
        statement.put("type", type);
        statement.put("periodEnd", month.atEndOfMonth().toString());
        return statement;
    }

    /** Walks the report's rows and sections; a row whose first cell is a known title gives its line. */
    private static void lines(JsonNode rows, Map<String, String> wanted, ObjectNode lines) {
        for (JsonNode row : rows) {
            JsonNode cells = row.path("Cells");
            if (cells.size() >= 2) {
                String line = wanted.get(cells.get(0).path("Value").asText());
                BigDecimal amount = decimal(cells.get(1).path("Value"));
                if (line != null && amount != null && !lines.has(line)) {
                    lines.put(line, amount);
                }
            }
            lines(row.path("Rows"), wanted, lines);
        }
    }

    /** The fields in a stable order, {@code first} ahead, like the sandbox's records. */
    private ObjectNode reorder(ObjectNode node, String... first) {
        ObjectNode ordered = json.createObjectNode();
        for (String name : first) {
            ordered.set(name, node.get(name));
        }
        node.fields().forEachRemaining(field -> {
            if (!ordered.has(field.getKey())) {
                ordered.set(field.getKey(), field.getValue());
            }
        });
        return ordered;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    /**
     * An amount as the provider writes it (a JSON number, or a string in reports), with at least cents, as the
     * sandbox writes amounts (a number may arrive parsed as a double: 1000.00 is then 1000.0); none when absent.
     */
    static BigDecimal decimal(JsonNode value) {
        BigDecimal amount = null;
        if (value.isNumber()) {
            amount = value.decimalValue();
        } else if (value.isTextual() && !value.asText().isBlank()) {
            try {
                amount = new BigDecimal(value.asText().strip().replace(",", ""));
            } catch (NumberFormatException notAnAmount) {
                return null;
            }
        }
        return amount == null || amount.scale() >= 2 ? amount : amount.setScale(2);
    }

    /** yyyy-MM-dd from {@code DateString} ("2009-05-27T00:00:00") or, failing it, the {@code /Date(ms)/} form. */
    static String date(JsonNode node, String stringField, String dateField) {
        if (stringField != null) {
            String text = text(node, stringField);
            if (text != null && text.length() >= 10) {
                return text.substring(0, 10);
            }
        }
        String value = text(node, dateField);
        if (value == null) {
            return null;
        }
        Matcher ms = MS_DATE.matcher(value);
        if (ms.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(ms.group(1)))
                    .atOffset(ZoneOffset.UTC)
                    .toLocalDate()
                    .toString();
        }
        return value.length() >= 10 ? value.substring(0, 10) : null;
    }
}
