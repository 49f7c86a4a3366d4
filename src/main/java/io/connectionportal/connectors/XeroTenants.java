package io.connectionportal.connectors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectionportal.connectors.ConnectorException.Reason;

/**
 * Xero's post-connect question: which organisations did the business grant? {@code GET {api}/connections} with the
 * new access token lists the tenants; only ORGANISATION tenants serve the Accounting API (practice and workflow
 * tenants do not).
 */
final class XeroTenants {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Xero tenant ids are UUIDs; anything else is not sent back to Xero in a header. */
    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final HttpClient http;
    private final ObjectMapper json;

    XeroTenants(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    List<ProviderAccount> organisations(String apiUrl, String accessToken) throws ConnectorException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/connections"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ConnectorException(Reason.UNREACHABLE, "Xero did not list the organisations in time", e);
        } catch (IOException e) {
            throw new ConnectorException(Reason.UNREACHABLE, "Xero could not be reached to list the organisations", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Reason.UNREACHABLE, "Interrupted while listing the organisations", e);
        }
        if (response.statusCode() != 200) {
            throw new ConnectorException(
                    Reason.PROVIDER_ERROR, "Xero answered HTTP " + response.statusCode() + " to GET /connections");
        }
        JsonNode tenants;
        try {
            tenants = json.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(Reason.INVALID_RESPONSE, "Xero's list of organisations is not JSON");
        }
        if (tenants == null || !tenants.isArray()) {
            throw new ConnectorException(Reason.INVALID_RESPONSE, "Xero's list of organisations is not a list");
        }
        List<ProviderAccount> organisations = new ArrayList<>();
        for (JsonNode tenant : tenants) {
            String id = tenant.path("tenantId").asText("");
            if ("ORGANISATION".equals(tenant.path("tenantType").asText())
                    && TENANT_ID.matcher(id).matches()) {
                String name = tenant.path("tenantName").asText("").strip();
                organisations.add(new ProviderAccount(id, name.isEmpty() ? id : abbreviate(name)));
            }
        }
        return organisations;
    }

    private static String abbreviate(String name) {
        return name.length() <= 200 ? name : name.substring(0, 200);
    }
}
