package io.connectionportal.connectors;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectionportal.platforms.Platform;

/**
 * The step a preset names after the token exchange ({@code afterConnect}). Today one: {@code xero-tenants}, asking
 * Xero which organisations the business granted, since Xero names none on the callback. Called outside any
 * transaction, with the new access token.
 */
@ApplicationScoped
public class AfterConnect {

    private final Connectors connectors;
    private final XeroTenants xeroTenants;

    AfterConnect(Connectors connectors, ObjectMapper json) {
        this.connectors = connectors;
        // No redirects: the bearer token would follow them.
        this.xeroTenants = new XeroTenants(
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                json);
    }

    /**
     * The accounts the grant covers, for a platform whose preset has a post-connect step; empty when it has none (the
     * callback then names the account, or the grant is for one account only). An empty list: none usable.
     */
    public Optional<List<ProviderAccount>> grantedAccounts(Platform platform, String accessToken)
            throws ConnectorException {
        Optional<String> step = connectors.afterConnect(platform);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        if (!"xero-tenants".equals(step.get())) {
            throw new IllegalStateException("Unknown after-connect step " + step.get());
        }
        String apiUrl = connectors
                .apiUrl(platform)
                .orElseThrow(() -> new ConnectorException(
                        ConnectorException.Reason.PROVIDER_ERROR, "No api-url to list Xero's organisations"));
        return Optional.of(xeroTenants.organisations(apiUrl, accessToken));
    }
}
