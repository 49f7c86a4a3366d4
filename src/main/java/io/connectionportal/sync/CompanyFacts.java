package io.connectionportal.sync;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.connections.Connection;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.PlatformCatalog;

/**
 * What the company's linked accounting platform says about it, from the last synced company-info record:
 * the company profile (F5) is prefilled from it.
 */
@ApplicationScoped
public class CompanyFacts {

    public record Facts(
            String source,
            String legalName,
            String registrationNumber,
            String taxNumber,
            String addressLine,
            String postalCode,
            String city,
            String country,
            String baseCurrency) {}

    private final SyncedData data;
    private final PlatformCatalog catalog;

    CompanyFacts(SyncedData data, PlatformCatalog catalog) {
        this.data = data;
        this.catalog = catalog;
    }

    public Optional<Facts> fromAccounting(long companyId) {
        return Connection.linkedAccounting(companyId)
                .flatMap(c -> data.records(companyId, c.id, DataType.COMPANY_INFO).stream()
                        .findFirst()
                        .map(info -> facts(
                                catalog.find(c.platformKey).map(p -> p.name()).orElse(c.platformKey), info)));
    }

    private static Facts facts(String source, JsonNode info) {
        JsonNode address = info.path("address");
        return new Facts(
                source,
                text(info, "legalName"),
                text(info, "registrationNumber"),
                text(info, "taxNumber"),
                text(address, "line1"),
                text(address, "postalCode"),
                text(address, "city"),
                text(address, "country"),
                text(info, "baseCurrency"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
