package io.connectionportal.sync;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * Qonto's data, for a connection made for real: the API's address comes from the connector settings (the catalog
 * preset's {@code https://thirdparty.qonto.com/v2} unless {@code api-url} is given), the reading from
 * {@link QontoClient}. Transactions are read incrementally, with the documented {@code updated_at_from}.
 */
@ApplicationScoped
class QontoApi implements ProviderApi {

    static final String PLATFORM = "qonto";

    private final Connectors connectors;
    private final QontoClient client;

    QontoApi(Connectors connectors, ProviderHttp http, QontoRecords records) {
        this.connectors = connectors;
        this.client = new QontoClient(http, records);
    }

    @Override
    public boolean serves(Platform platform, boolean sandbox) {
        return !sandbox && PLATFORM.equals(platform.key());
    }

    @Override
    public boolean incremental(DataType type) {
        return type == DataType.BANK_TRANSACTIONS;
    }

    @Override
    public List<JsonNode> fetch(Read read) throws ProviderApiException {
        String base = connectors
                .apiUrl(read.platform())
                .orElseThrow(() -> new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR, "No api-url is configured for Qonto"));
        return client.fetch(read, base);
    }
}
