package io.connectionportal.sync;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * QuickBooks Online's records in the portal's shapes (the sandbox's). QuickBooks has no invoice status: a zero
 * {@code Balance} is PAID, an amount left past {@code DueDate} OVERDUE, else OPEN; it gives no paid date. Report lines
 * come from the sections QuickBooks marks with a {@code group} (Income, COGS, GrossProfit, …).
 */
final class QuickBooksRecords {

    private static final Map<String, String> PROFIT_AND_LOSS_GROUPS = Map.of(
            "Income", "revenue",
            "COGS", "costOfSales",
            "GrossProfit", "grossProfit",
            "Expenses", "operatingExpenses",
            "NetOperatingIncome", "operatingProfit",
            "NetIncome", "netProfit");

    private static final Map<String, String> BALANCE_SHEET_GROUPS = Map.of(
            "BankAccounts", "cash",
            "AR", "accountsReceivable",
            "FixedAssets", "fixedAssets",
            "TotalAssets", "totalAssets",
            "AP", "accountsPayable",
            "Liabilities", "totalLiabilities",
            "Equity", "equity");

    private final ObjectMapper json;
    private final Clock clock;

    QuickBooksRecords(ObjectMapper json) {
        this(json, Clock.systemUTC());
    }

    QuickBooksRecords(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** CompanyInfo, with the home currency from Preferences (CompanyInfo does not carry it). */
    JsonNode company(JsonNode info, JsonNode preferences) {
        ObjectNode company = json.createObjectNode();
        company.put("id", text(info, "Id"));
        String legalName = text(info, "LegalName");
        company.put("legalName", legalName != null ? legalName : text(info, "CompanyName"));
        company.put("tradingName", text(info, "CompanyName"));
        JsonNode address = info.has("LegalAddr") ? info.path("LegalAddr") : info.path("CompanyAddr");
        if (address.isObject()) {
            ObjectNode mapped = company.putObject("address");
            mapped.put("line1", text(address, "Line1"));
            mapped.put("postalCode", text(address, "PostalCode"));
            mapped.put("city", text(address, "City"));
            mapped.put("region", text(address, "CountrySubDivisionCode"));
            String country = text(address, "Country");
            mapped.put("country", country != null ? country : text(info, "Country"));
        }
        company.put("baseCurrency", text(preferences.path("CurrencyPrefs").path("HomeCurrency"), "value"));
        String fiscalYearStart = text(info, "FiscalYearStartMonth");
        if (fiscalYearStart != null) {
            company.put("financialYearEnd", yearEnd(fiscalYearStart));
        }
        return company;
    }

    /** The day before the fiscal year starts, as MM-dd ("January" → "12-31"). */
    private static String yearEnd(String startMonth) {
        try {
            java.time.Month start = java.time.Month.valueOf(startMonth.toUpperCase(Locale.ROOT));
            java.time.Month end = start.minus(1);
            return String.format(
                    Locale.ROOT, "%02d-%02d", end.getValue(), end.maxLength() == 29 ? 28 : end.maxLength());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    JsonNode account(JsonNode account) {
        ObjectNode mapped = json.createObjectNode();
        mapped.put("id", text(account, "Id"));
        mapped.put("code", text(account, "AcctNum"));
        mapped.put("name", text(account, "Name"));
        String classification = text(account, "Classification");
        mapped.put("type", classification == null ? null : classification.toUpperCase(Locale.ROOT));
        mapped.put("status", account.path("Active").asBoolean(true) ? "ACTIVE" : "ARCHIVED");
        return mapped;
    }

    JsonNode invoice(JsonNode invoice) {
        ObjectNode mapped = json.createObjectNode();
        mapped.put("id", text(invoice, "Id"));
        mapped.put("number", text(invoice, "DocNumber"));
        mapped.put("customerName", text(invoice.path("CustomerRef"), "name"));
        return amounts(invoice, mapped);
    }

    JsonNode bill(JsonNode bill) {
        ObjectNode mapped = json.createObjectNode();
        mapped.put("id", text(bill, "Id"));
        mapped.put("reference", text(bill, "DocNumber"));
        mapped.put("supplierName", text(bill.path("VendorRef"), "name"));
        return amounts(bill, mapped);
    }

    private ObjectNode amounts(JsonNode document, ObjectNode mapped) {
        String dueDate = text(document, "DueDate");
        BigDecimal total = decimal(document.path("TotalAmt"));
        BigDecimal tax = decimal(document.path("TxnTaxDetail").path("TotalTax"));
        BigDecimal balance = decimal(document.path("Balance"));
        mapped.put("issueDate", text(document, "TxnDate"));
        mapped.put("dueDate", dueDate);
        mapped.put("currency", text(document.path("CurrencyRef"), "value"));
        mapped.put("netAmount", total == null ? null : total.subtract(tax == null ? BigDecimal.ZERO : tax));
        mapped.put("taxAmount", tax);
        mapped.put("totalAmount", total);
        mapped.put("amountDue", balance);
        mapped.put("status", status(dueDate, balance));
        mapped.putNull("paidDate");
        return mapped;
    }

    private String status(String dueDate, BigDecimal balance) {
        if (balance != null && balance.signum() == 0) {
            return "PAID";
        }
        return dueDate != null && LocalDate.parse(dueDate).isBefore(LocalDate.now(clock)) ? "OVERDUE" : "OPEN";
    }

    JsonNode profitAndLoss(JsonNode report, YearMonth month) {
        ObjectNode statement = statement("pl-" + month, "PROFIT_AND_LOSS", report, month);
        statement.put("periodStart", month.atDay(1).toString());
        lines(report.path("Rows").path("Row"), PROFIT_AND_LOSS_GROUPS, statement.putObject("lines"));
        return statement;
    }

    JsonNode balanceSheet(JsonNode report, YearMonth month) {
        ObjectNode statement = statement("bs-" + month, "BALANCE_SHEET", report, month);
        lines(report.path("Rows").path("Row"), BALANCE_SHEET_GROUPS, statement.putObject("lines"));
        return statement;
    }

    private ObjectNode statement(String id, String type, JsonNode report, YearMonth month) {
        ObjectNode statement = json.createObjectNode();
        statement.put("id", id);
        statement.put("type", type);
        statement.put("periodEnd", month.atEndOfMonth().toString());
        statement.put("currency", text(report.path("Header"), "Currency"));
        return statement;
    }

    /** A section's total is its Summary's second column (the report has one money column: Total). */
    private static void lines(JsonNode rows, Map<String, String> groups, ObjectNode lines) {
        for (JsonNode row : rows) {
            String line = groups.get(row.path("group").asText());
            JsonNode total = row.path("Summary").path("ColData").path(1).path("value");
            BigDecimal amount = decimal(total);
            if (line != null && amount != null && !lines.has(line)) {
                lines.put(line, amount);
            }
            lines(row.path("Rows").path("Row"), groups, lines);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static BigDecimal decimal(JsonNode value) {
        return XeroRecords.decimal(value);
    }
}
