package io.connectionportal.sync;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;

/** Finds the data API client of a platform; a real provider's client is one more {@link ProviderApi} bean. */
@ApplicationScoped
public class ProviderApis {

    private final Instance<ProviderApi> apis;
    private final PlatformCatalog catalog;

    ProviderApis(Instance<ProviderApi> apis, PlatformCatalog catalog) {
        this.apis = apis;
        this.catalog = catalog;
    }

    Optional<ProviderApi> forPlatform(Platform platform, boolean sandbox) {
        return apis.stream().filter(api -> api.serves(platform, sandbox)).findFirst();
    }

    /**
     * Whether the platform's data is read automatically, for a connection made in the sandbox or for real. The
     * schedule leaves the others alone, and pages say plainly that their data is not read.
     */
    public boolean readable(Platform platform, boolean sandbox) {
        return forPlatform(platform, sandbox).isPresent();
    }

    /** The kinds of data read automatically: the platform's, less those its client has no endpoint for. */
    public List<DataType> readTypes(Platform platform, boolean sandbox) {
        return forPlatform(platform, sandbox)
                .map(api -> platform.reads().stream().filter(api::reads).toList())
                .orElse(List.of());
    }

    /** The same for a connection's platform key; a platform no longer in the catalog is not read. */
    public boolean readable(String platformKey, boolean sandbox) {
        return catalog.find(platformKey).map(p -> readable(p, sandbox)).orElse(false);
    }
}
