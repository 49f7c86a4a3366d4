package io.connectionportal.sync;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * Xero's Accounting API ({@code /api.xro/2.0}) for a connection made for real: every call names the organisation in
 * {@code xero-tenant-id}; invoices come 100 a page ({@code page=1,2,…}), sales (ACCREC) and purchases (ACCPAY)
 * apart; {@code If-Modified-Since} makes accounts, invoices and bills incremental. Mapping: {@link XeroRecords}.
 */
@ApplicationScoped
class XeroApi implements ProviderApi {

    static final String PLATFORM = "xero";
    /** Xero's page size for invoices (documented; a shorter page is the last one). */
    static final int PAGE_SIZE = 100;

    private final ProviderHttp http;
    private final Function<Platform, Optional<String>> apiUrl;
    private final XeroRecords records;
    private final Clock clock;
    private final int pageSize;

    @Inject
    XeroApi(ProviderHttp http, Connectors connectors, ObjectMapper json) {
        this(http, connectors::apiUrl, new XeroRecords(json), Clock.systemUTC(), PAGE_SIZE);
    }

    XeroApi(
            ProviderHttp http,
            Function<Platform, Optional<String>> apiUrl,
            XeroRecords records,
            Clock clock,
            int pageSize) {
        this.http = http;
        this.apiUrl = apiUrl;
        this.records = records;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    @Override
    public boolean serves(Platform platform, boolean sandbox) {
        return !sandbox && PLATFORM.equals(platform.key());
    }

    @Override
    public boolean incremental(DataType type) {
        return type == DataType.CHART_OF_ACCOUNTS || type == DataType.INVOICES || type == DataType.BILLS;
    }

    @Override
    public List<JsonNode> fetch(Read read) throws ProviderApiException {
        String tenant = read.accountId()
                .orElseThrow(() -> new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "No Xero organisation is chosen for this connection: choose it on the connection page,"
                                + " or reconnect"));
        String base = apiUrl.apply(read.platform())
                        .orElseThrow(() -> new ProviderApiException(
                                ProviderApiException.Reason.PROVIDER_ERROR, "Xero has no api-url configured"))
                + "/api.xro/2.0/";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("xero-tenant-id", tenant);
        read.modifiedSince().ifPresent(since -> headers.put("If-Modified-Since", httpDate(since)));
        return switch (read.type()) {
            case COMPANY_INFO ->
                List.of(records.company(first(
                        http.get(URI.create(base + "Organisation"), read.accessToken(), headers, "Organisation")
                                .body()
                                .path("Organisations"),
                        "Organisation")));
            case CHART_OF_ACCOUNTS ->
                map(
                        http.get(URI.create(base + "Accounts"), read.accessToken(), headers, "Accounts")
                                .body()
                                .path("Accounts"),
                        records::account);
            case INVOICES -> invoices(base, "ACCREC", read.accessToken(), headers, records::invoice);
            case BILLS -> invoices(base, "ACCPAY", read.accessToken(), headers, records::bill);
            case FINANCIAL_STATEMENTS -> statements(base, read.accessToken(), headers);
            default ->
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "Xero does not serve " + read.type().key());
        };
    }

    private List<JsonNode> invoices(
            String base, String type, String token, Map<String, String> headers, Function<JsonNode, JsonNode> mapping)
            throws ProviderApiException {
        List<JsonNode> all = new ArrayList<>();
        String where = encode("Type==\"" + type + "\"");
        for (int page = 1; ; page++) {
            if (page > ProviderHttp.MAX_PAGES) {
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "Xero sent more than " + ProviderHttp.MAX_PAGES + " pages of Invoices " + type);
            }
            URI uri = URI.create(base + "Invoices?where=" + where + "&page=" + page);
            JsonNode invoices = http.get(uri, token, headers, "Invoices " + type + " page " + page)
                    .body()
                    .path("Invoices");
            all.addAll(map(invoices, mapping));
            if (invoices.size() < pageSize) {
                return all;
            }
        }
    }

    /** The last complete month's profit and loss, and the balance sheet at its end: the reports as Xero totals them. */
    private List<JsonNode> statements(String base, String token, Map<String, String> headers)
            throws ProviderApiException {
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        Map<String, String> reportHeaders = new LinkedHashMap<>(headers);
        reportHeaders.remove("If-Modified-Since");
        JsonNode profitAndLoss = http.get(
                        URI.create(base + "Reports/ProfitAndLoss?fromDate=" + month.atDay(1) + "&toDate="
                                + month.atEndOfMonth()),
                        token,
                        reportHeaders,
                        "Reports/ProfitAndLoss")
                .body();
        JsonNode balanceSheet = http.get(
                        URI.create(base + "Reports/BalanceSheet?date=" + month.atEndOfMonth()),
                        token,
                        reportHeaders,
                        "Reports/BalanceSheet")
                .body();
        return List.of(
                records.profitAndLoss(first(profitAndLoss.path("Reports"), "Reports/ProfitAndLoss"), month),
                records.balanceSheet(first(balanceSheet.path("Reports"), "Reports/BalanceSheet"), month));
    }

    private static JsonNode first(JsonNode array, String what) throws ProviderApiException {
        if (!array.isArray() || array.isEmpty()) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR, "Xero sent no " + what + " in its answer");
        }
        return array.get(0);
    }

    private static List<JsonNode> map(JsonNode array, Function<JsonNode, JsonNode> mapping)
            throws ProviderApiException {
        if (!array.isArray()) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR, "Xero sent no list where one was expected");
        }
        List<JsonNode> mapped = new ArrayList<>(array.size());
        array.forEach(node -> mapped.add(mapping.apply(node)));
        return mapped;
    }

    /** RFC 9110's HTTP date, in UTC, as Xero's If-Modified-Since takes it. */
    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
