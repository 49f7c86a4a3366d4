package io.connectionportal.sync;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;

/** Finds the data API client of a platform; a real provider's client is one more {@link ProviderApi} bean. */
@ApplicationScoped
class ProviderApis {

    private final Instance<ProviderApi> apis;
    private final PlatformCatalog catalog;

    ProviderApis(Instance<ProviderApi> apis, PlatformCatalog catalog) {
        this.apis = apis;
        this.catalog = catalog;
    }

    Optional<ProviderApi> forPlatform(Platform platform) {
        return apis.stream().filter(api -> api.serves(platform)).findFirst();
    }

    /**
     * Whether the platform's data can be read at all. The schedule leaves the others alone: a sync of
     * them could only record "no data API" again, every retry delay, until a client is added.
     */
    boolean readable(String platformKey) {
        return catalog.find(platformKey).flatMap(this::forPlatform).isPresent();
    }
}
