package io.connectionportal.sync;

import jakarta.inject.Singleton;

import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.Platform;
import io.connectionportal.testing.FrenchProviders;

/**
 * Pennylane's data client, unchanged but for the platform it serves: {@link FrenchProviders#PENNYLANE}. A singleton, as
 * a subclass of an application-scoped bean cannot be proxied.
 */
@Singleton
class StandInPennylaneApi extends PennylaneApi {

    StandInPennylaneApi(Connectors connectors, ProviderHttp http, PennylaneRecords records) {
        super(connectors, http, records);
    }

    @Override
    public boolean serves(Platform platform, boolean sandbox) {
        return !sandbox && FrenchProviders.PENNYLANE.equals(platform.key());
    }
}
