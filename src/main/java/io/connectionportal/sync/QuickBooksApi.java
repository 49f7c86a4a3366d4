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
 * QuickBooks Online's Accounting API for a connection made for real: every path names the company
 * ({@code /v3/company/{realmId}/…}, the realmId given on the callback); lists are read with the query endpoint,
 * {@code STARTPOSITION}/{@code MAXRESULTS} paging and, incrementally, {@code where Metadata.LastUpdatedTime > …};
 * every call sends {@code minorversion}. Mapping: {@link QuickBooksRecords}.
 */
@ApplicationScoped
class QuickBooksApi implements ProviderApi {

    static final String PLATFORM = "quickbooks-online";
    /** The largest page the query endpoint returns (documented maximum). */
    static final int PAGE_SIZE = 1000;
    /** Intuit's minimum supported minor version since August 2025 (earlier ones are answered as this one). */
    static final String MINOR_VERSION = "75";

    private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'");

    private final ProviderHttp http;
    private final Function<Platform, Optional<String>> apiUrl;
    private final QuickBooksRecords records;
    private final Clock clock;
    private final int pageSize;

    @Inject
    QuickBooksApi(ProviderHttp http, Connectors connectors, ObjectMapper json) {
        this(http, connectors::apiUrl, new QuickBooksRecords(json), Clock.systemUTC(), PAGE_SIZE);
    }

    QuickBooksApi(
            ProviderHttp http,
            Function<Platform, Optional<String>> apiUrl,
            QuickBooksRecords records,
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
        String realm = read.accountId()
                .orElseThrow(() -> new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "QuickBooks did not name the company (realmId) of this connection: reconnect it"));
        String company = apiUrl.apply(read.platform())
                        .orElseThrow(() -> new ProviderApiException(
                                ProviderApiException.Reason.PROVIDER_ERROR, "QuickBooks has no api-url configured"))
                + "/v3/company/" + realm + "/";
        String token = read.accessToken();
        return switch (read.type()) {
            case COMPANY_INFO ->
                List.of(records.company(
                        get(company, "companyinfo/" + realm, token).path("CompanyInfo"),
                        get(company, "preferences", token).path("Preferences")));
            case CHART_OF_ACCOUNTS -> query(company, "Account", read, records::account);
            case INVOICES -> query(company, "Invoice", read, records::invoice);
            case BILLS -> query(company, "Bill", read, records::bill);
            case FINANCIAL_STATEMENTS -> statements(company, token);
            default ->
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "QuickBooks does not serve " + read.type().key());
        };
    }

    private List<JsonNode> query(String company, String entity, Read read, Function<JsonNode, JsonNode> mapping)
            throws ProviderApiException {
        String where = read.modifiedSince()
                .map(since -> " where Metadata.LastUpdatedTime > '" + queryTime(since) + "'")
                .orElse("");
        List<JsonNode> all = new ArrayList<>();
        for (int start = 1; ; start += pageSize) {
            if (start > ProviderHttp.MAX_PAGES * pageSize) {
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "QuickBooks sent more than " + ProviderHttp.MAX_PAGES + " pages of " + entity);
            }
            String statement =
                    "select * from " + entity + where + " STARTPOSITION " + start + " MAXRESULTS " + pageSize;
            JsonNode page = get(company, "query?query=" + encode(statement), read.accessToken())
                    .path("QueryResponse")
                    .path(entity);
            // An empty answer has no entity array at all.
            for (JsonNode record : page) {
                all.add(mapping.apply(record));
            }
            if (page.size() < pageSize) {
                return all;
            }
        }
    }

    /** The last complete month's profit and loss, and the balance sheet at its end, as QuickBooks totals them. */
    private List<JsonNode> statements(String company, String token) throws ProviderApiException {
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        String period = "start_date=" + month.atDay(1) + "&end_date=" + month.atEndOfMonth();
        return List.of(
                records.profitAndLoss(get(company, "reports/ProfitAndLoss?" + period, token), month),
                records.balanceSheet(get(company, "reports/BalanceSheet?" + period, token), month));
    }

    private JsonNode get(String company, String resource, String token) throws ProviderApiException {
        String separator = resource.contains("?") ? "&" : "?";
        String what = resource.contains("?") ? resource.substring(0, resource.indexOf('?')) : resource;
        return http.get(
                        URI.create(company + resource + separator + "minorversion=" + MINOR_VERSION),
                        token,
                        Map.of(),
                        what)
                .body();
    }

    static String queryTime(Instant instant) {
        return QUERY_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
