package io.connectionportal.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectionportal.connectors.Connectors;
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

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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

    private final Connectors connectors;
    private final PortalConfig portal;
    private final ObjectMapper json;
    private final HttpClient http;

    SandboxProviderApi(Connectors connectors, PortalConfig portal, ObjectMapper json) {
        this.connectors = connectors;
        this.portal = portal;
        this.json = json;
        // Never follow redirects: the bearer token would travel to wherever the redirect points.
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public boolean serves(Platform platform) {
        return connectors.isSandbox(platform);
    }

    @Override
    public List<JsonNode> fetch(Platform platform, DataType type, String accessToken) throws ProviderApiException {
        String resource = RESOURCES.get(type);
        if (resource == null) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR, "No sandbox endpoint for " + type.key());
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(portal.baseUrl() + "/sandbox/" + platform.key() + "/api/" + resource))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.UNREACHABLE, "The data API did not answer " + resource + " in time", e);
        } catch (IOException e) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.UNREACHABLE, "The data API could not be reached for " + resource, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderApiException(
                    ProviderApiException.Reason.UNREACHABLE, "Interrupted while reading " + resource, e);
        }
        if (response.statusCode() == 401) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.UNAUTHORIZED, "The data API answered 401 to " + resource);
        }
        if (response.statusCode() != 200) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR,
                    "The data API answered " + response.statusCode() + " to " + resource);
        }
        return records(response.body(), resource);
    }

    private List<JsonNode> records(byte[] body, String resource) throws ProviderApiException {
        JsonNode data;
        try {
            data = json.readTree(body).path("data");
        } catch (IOException e) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR, "The data API sent invalid JSON for " + resource, e);
        }
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
