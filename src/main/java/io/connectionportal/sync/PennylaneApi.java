package io.connectionportal.sync;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * Pennylane's data, for a connection made for real: the API's address comes from the connector settings (the
 * catalog preset's {@code https://app.pennylane.com/api/external/v2} unless {@code api-url} is given), the reading
 * from {@link PennylaneClient}. Financial statements are not read (see {@link #reads}).
 */
@ApplicationScoped
class PennylaneApi implements ProviderApi {

    static final String PLATFORM = "pennylane";

    private final Connectors connectors;
    private final PennylaneClient client;

    PennylaneApi(Connectors connectors, ProviderHttp http, PennylaneRecords records) {
        this.connectors = connectors;
        this.client = new PennylaneClient(http, records);
    }

    @Override
    public boolean serves(Platform platform, boolean sandbox) {
        return !sandbox && PLATFORM.equals(platform.key());
    }

    /** The trial balance is the nearest endpoint to a statement, but lists balances, not statements: not read. */
    @Override
    public boolean reads(DataType type) {
        return type != DataType.FINANCIAL_STATEMENTS;
    }

    @Override
    public List<JsonNode> fetch(Read read) throws ProviderApiException {
        String base = connectors
                .apiUrl(read.platform())
                .orElseThrow(() -> new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR, "No api-url is configured for Pennylane"));
        return client.fetch(read, base);
    }
}
