package io.connectionportal.sync;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Qonto's Business API: the organization with its bank accounts ({@code GET /organization}), then each account's
 * transactions ({@code GET /transactions}), page by page ({@code page}, {@code per_page} up to 100,
 * {@code meta.next_page}); an incremental read sends {@code updated_at_from}. An IBAN is used only to ask for an
 * account's transactions when the account has no id, and is never stored.
 */
final class QontoClient {

    /** The documented maximum (and default) page size. */
    static final int PAGE_SIZE = 100;

    private static final int MAX_PAGES = 2_000;

    private final ProviderHttp http;
    private final QontoRecords records;

    QontoClient(ProviderHttp http, QontoRecords records) {
        this.http = http;
        this.records = records;
    }

    /** Every record of the read's type from the API at {@code base}, in the portal's shapes. */
    List<JsonNode> fetch(ProviderApi.Read read, String base) throws ProviderApiException {
        List<JsonNode> accounts = bankAccounts(base, read.accessToken());
        return switch (read.type()) {
            case BANK_ACCOUNTS -> accounts.stream().map(records::bankAccount).toList();
            case BANK_TRANSACTIONS -> {
                List<JsonNode> transactions = new ArrayList<>();
                for (JsonNode account : accounts) {
                    transactions.addAll(transactions(base, account, read));
                }
                yield transactions;
            }
            default ->
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "Qonto has no endpoint the portal reads for "
                                + read.type().key());
        };
    }

    /** {@code GET /organization}: the granted organization's bank accounts, as Qonto sends them. */
    private List<JsonNode> bankAccounts(String base, String accessToken) throws ProviderApiException {
        JsonNode accounts = http.get(URI.create(base + "/organization"), accessToken, Map.of(), "Qonto /organization")
                .body()
                .path("organization")
                .path("bank_accounts");
        if (!accounts.isArray()) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR, "Qonto sent no bank accounts for /organization");
        }
        List<JsonNode> list = new ArrayList<>(accounts.size());
        accounts.forEach(list::add);
        return list;
    }

    /** One account's transactions, every page; only those updated since the last sync for an incremental read. */
    private List<JsonNode> transactions(String base, JsonNode account, ProviderApi.Read read)
            throws ProviderApiException {
        String accountId = QontoRecords.accountId(account);
        String query = account.hasNonNull("id")
                ? "bank_account_id=" + encode(account.get("id").asText())
                : "iban=" + encode(account.path("iban").asText());
        String since = read.modifiedSince()
                .map(instant -> "&updated_at_from=" + encode(instant.toString()))
                .orElse("");
        List<JsonNode> mapped = new ArrayList<>();
        int page = 1;
        for (int fetched = 0; fetched < MAX_PAGES; fetched++) {
            URI uri = URI.create(base + "/transactions?" + query + since + "&per_page=" + PAGE_SIZE + "&page=" + page);
            JsonNode body = http.get(uri, read.accessToken(), Map.of(), "Qonto /transactions")
                    .body();
            JsonNode items = body.path("transactions");
            if (!items.isArray()) {
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR, "Qonto sent no transactions for /transactions");
            }
            items.forEach(transaction -> mapped.add(records.transaction(transaction, accountId)));
            JsonNode next = body.path("meta").path("next_page");
            if (!next.canConvertToInt() || next.asInt() <= page) {
                return mapped;
            }
            page = next.asInt();
        }
        throw new ProviderApiException(
                ProviderApiException.Reason.PROVIDER_ERROR,
                "Qonto /transactions still had more after " + MAX_PAGES + " pages");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
