package io.connectionportal.sync;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Pennylane's Company API v2: company details from {@code /me}, ledger accounts, customer invoices and supplier
 * invoices, each list page by page with the documented cursor ({@code has_more}, {@code next_cursor}, {@code limit}
 * up to 100). Every read is full: the v2 list endpoints document no {@code updated_at} filter (docs/providers.md).
 */
final class PennylaneClient {

    /** The most a page may hold (documented range 1 to 100). */
    static final int PAGE_SIZE = 100;
    /** A cursor that never ends is the provider's fault; stop well past any real company's size. */
    private static final int MAX_PAGES = 2_000;
    /** Opts in to the cursor pagination of the 2026 API changes (the default since April 2026). */
    private static final Map<String, String> HEADERS = Map.of("X-Use-2026-API-Changes", "true");

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ProviderHttp http;
    private final PennylaneRecords records;

    PennylaneClient(ProviderHttp http, PennylaneRecords records) {
        this.http = http;
        this.records = records;
    }

    /** Every record of the read's type from the API at {@code base}, in the portal's shapes. */
    List<JsonNode> fetch(ProviderApi.Read read, String base) throws ProviderApiException {
        LocalDate today = LocalDate.now(PARIS);
        return switch (read.type()) {
            case COMPANY_INFO ->
                List.of(records.company(http.get(URI.create(base + "/me"), read.accessToken(), HEADERS, "Pennylane /me")
                        .body()));
            case CHART_OF_ACCOUNTS -> list(base, "/ledger_accounts", read.accessToken(), records::ledgerAccount);
            case INVOICES ->
                list(base, "/customer_invoices", read.accessToken(), invoice -> records.invoice(invoice, today));
            case BILLS -> list(base, "/supplier_invoices", read.accessToken(), bill -> records.bill(bill, today));
            default ->
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "Pennylane has no endpoint the portal reads for "
                                + read.type().key());
        };
    }

    /** Every item of a cursor-paged list, mapped; follows {@code next_cursor} while {@code has_more}. */
    private List<JsonNode> list(String base, String path, String accessToken, Function<JsonNode, JsonNode> map)
            throws ProviderApiException {
        List<JsonNode> mapped = new ArrayList<>();
        String cursor = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            String uri = base + path + "?limit=" + PAGE_SIZE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = http.get(URI.create(uri), accessToken, HEADERS, "Pennylane " + path)
                    .body();
            JsonNode items = body.path("items");
            if (!items.isArray()) {
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR, "Pennylane sent no items for " + path);
            }
            items.forEach(item -> mapped.add(map.apply(item)));
            String next = body.path("next_cursor").asText("");
            if (!body.path("has_more").asBoolean(false) || next.isBlank()) {
                return mapped;
            }
            cursor = next;
        }
        throw new ProviderApiException(
                ProviderApiException.Reason.PROVIDER_ERROR,
                "Pennylane " + path + " still had more after " + MAX_PAGES + " pages");
    }
}
