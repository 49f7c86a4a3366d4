package io.connectionportal.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.shared.PortalConfig;

/**
 * The built-in sandbox's data API, reached over HTTP at {@code portal.base-url} exactly as a real
 * provider's would be: {@code GET /sandbox/{platform}/api/{resource}} with a Bearer token, answering
 * {@code {"data": [...]}} (company details: {@code {"data": {...}}}). Shares no code with the sandbox.
 */
@ApplicationScoped
class SandboxProviderApi implements ProviderApi {

    /** The sandbox's endpoint for each data type, as a provider's API would spell it. */
    private static final Map<DataType, String> RESOURCES = new EnumMap<>(Map.of(
            DataType.COMPANY_INFO, "company",
            DataType.CHART_OF_ACCOUNTS, "accounts",
            DataType.INVOICES, "invoices",
            DataType.BILLS, "bills",
            DataType.FINANCIAL_STATEMENTS, "financial-statements",
            DataType.BANK_ACCOUNTS, "bank-accounts",
            DataType.BANK_TRANSACTIONS, "bank-transactions",
            DataType.ORDERS, "orders",
            DataType.PAYOUTS, "payouts",
            DataType.CUSTOMERS, "customers"));

    private final PortalConfig portal;
    private final ProviderHttp http;

    SandboxProviderApi(PortalConfig portal, ProviderHttp http) {
        this.portal = portal;
        this.http = http;
    }

    @Override
    public boolean serves(Platform platform, boolean sandbox) {
        return sandbox;
    }

    @Override
    public List<JsonNode> fetch(Read read) throws ProviderApiException {
        String resource = RESOURCES.get(read.type());
        if (resource == null) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR,
                    "No sandbox endpoint for " + read.type().key());
        }
        URI uri = URI.create(portal.baseUrl() + "/sandbox/" + read.platform().key() + "/api/" + resource);
        JsonNode data =
                http.get(uri, read.accessToken(), Map.of(), resource).body().path("data");
        if (data.isObject()) {
            return List.of(data);
        }
        if (!data.isArray()) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR, "The data API sent no data for " + resource);
        }
        List<JsonNode> records = new ArrayList<>(data.size());
        data.forEach(records::add);
        return records;
    }
}
