package io.connectionportal.sync;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * Shopify's REST Admin API for a connection made for real: orders, Shopify Payments payouts and customers of the
 * shop the connection is for ({@code Connection.providerAccountId}), on that shop's host ({@code api-url}, with
 * {@code {shop}}). The token goes in {@code X-Shopify-Access-Token}, the only header the API documents; pages follow
 * the {@code Link} header's {@code rel="next"} address exactly as given. See docs/providers.md.
 */
@ApplicationScoped
class ShopifyApi implements ProviderApi {

    static final String PLATFORM = "shopify";
    static final String TOKEN_HEADER = "X-Shopify-Access-Token";
    /** The largest page the REST Admin API serves. */
    static final int PAGE_SIZE = 250;
    /** A bound on one read (250 000 records): a provider that pages for ever must not keep a sync running. */
    static final int MAX_PAGES = 1000;

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    /** Where each kind of data lives, the JSON field holding the list, and whether it has {@code updated_at_min}. */
    private record Resource(String path, String field, String filters, boolean incremental) {}

    private static final Map<DataType, Resource> RESOURCES = Map.of(
            // status=any: without it the API answers open orders only.
            DataType.ORDERS, new Resource("orders.json", "orders", "&status=any", true),
            DataType.PAYOUTS, new Resource("shopify_payments/payouts.json", "payouts", "", false),
            DataType.CUSTOMERS, new Resource("customers.json", "customers", "", true));

    private final Connectors connectors;
    private final ProviderHttp http;
    private final ShopifyRecords records;

    ShopifyApi(Connectors connectors, ProviderHttp http, ShopifyRecords records) {
        this.connectors = connectors;
        this.http = http;
        this.records = records;
    }

    @Override
    public boolean serves(Platform platform, boolean sandbox) {
        return !sandbox && PLATFORM.equals(platform.key());
    }

    @Override
    public boolean incremental(DataType type) {
        return Optional.ofNullable(RESOURCES.get(type))
                .map(Resource::incremental)
                .orElse(false);
    }

    @Override
    public List<JsonNode> fetch(Read read) throws ProviderApiException {
        Resource resource = RESOURCES.get(read.type());
        if (resource == null) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR,
                    "Shopify has no " + read.type().key() + " to read");
        }
        String shop = read.accountId()
                .orElseThrow(() -> new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "The connection names no Shopify shop; reconnect it"));
        String base = connectors
                .apiUrl(read.platform())
                .orElseThrow(() -> new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR, "Shopify's api-url is not configured"))
                .replace("{shop}", shop);
        String since = read.modifiedSince()
                .filter(s -> resource.incremental())
                .map(s -> "&updated_at_min=" + encode(s.truncatedTo(ChronoUnit.SECONDS)))
                .orElse("");
        URI next = URI.create(base + "/" + resource.path() + "?limit=" + PAGE_SIZE + resource.filters() + since);
        List<JsonNode> found = new ArrayList<>();
        for (int page = 1; next != null; page++) {
            if (page > MAX_PAGES) {
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR,
                        "Shopify sent more than " + MAX_PAGES + " pages of " + resource.field());
            }
            ProviderHttp.Answer answer =
                    http.getWithTokenHeader(next, TOKEN_HEADER, read.accessToken(), Map.of(), resource.field());
            JsonNode list = answer.body().path(resource.field());
            if (!list.isArray()) {
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR, "Shopify sent no " + resource.field() + " list");
            }
            for (JsonNode item : list) {
                found.add(records.map(read.type(), item));
            }
            next = nextPage(answer.headers(), base);
        }
        return found;
    }

    /** The {@code rel="next"} address, used as given; one off the shop's API would receive the token: refused. */
    static URI nextPage(HttpHeaders headers, String base) throws ProviderApiException {
        for (String link : headers.allValues("Link")) {
            Matcher next = NEXT.matcher(link);
            if (next.find()) {
                String url = next.group(1);
                if (!url.startsWith(base + "/")) {
                    throw new ProviderApiException(
                            ProviderApiException.Reason.PROVIDER_ERROR,
                            "Shopify's next page is not on the shop's API address");
                }
                return URI.create(url);
            }
        }
        return null;
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
