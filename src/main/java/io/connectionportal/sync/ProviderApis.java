package io.connectionportal.sync;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.connectionportal.platforms.Platform;

/** Finds the data API client of a platform; a real provider's client is one more {@link ProviderApi} bean. */
@ApplicationScoped
class ProviderApis {

    private final Instance<ProviderApi> apis;

    ProviderApis(Instance<ProviderApi> apis) {
        this.apis = apis;
    }

    Optional<ProviderApi> forPlatform(Platform platform) {
        return apis.stream().filter(api -> api.serves(platform)).findFirst();
    }
}
