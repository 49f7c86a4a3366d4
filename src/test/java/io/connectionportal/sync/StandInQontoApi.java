package io.connectionportal.sync;

import jakarta.inject.Singleton;

import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.Platform;
import io.connectionportal.testing.FrenchProviders;

/**
 * Qonto's data client, unchanged but for the platform it serves: {@link FrenchProviders#QONTO}. A singleton, as
 * a subclass of an application-scoped bean cannot be proxied.
 */
@Singleton
class StandInQontoApi extends QontoApi {

    StandInQontoApi(Connectors connectors, ProviderHttp http, QontoRecords records) {
        super(connectors, http, records);
    }

    @Override
    public boolean serves(Platform platform, boolean sandbox) {
        return !sandbox && FrenchProviders.QONTO.equals(platform.key());
    }
}
