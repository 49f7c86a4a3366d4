package io.connectionportal.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * A provider's data API, as the sync reads it: one implementation per provider, found by {@link ProviderApis}. Each
 * maps the provider's records to the portal's shapes (the sandbox's, listed in {@code docs/data-model.md}), so
 * the dashboard, the API and an integrator read one model whatever the platform. Authorization is the connector's
 * business; this only sends the access token it is given.
 */
interface ProviderApi {

    /** Whether this client reads the platform's data API for a connection made in the sandbox or for real. */
    boolean serves(Platform platform, boolean sandbox);

    /** Every record of one type (changed since {@code modifiedSince}, when given). A single object is a list of one. */
    List<JsonNode> fetch(Read read) throws ProviderApiException;

    /**
     * Whether this client reads this type at all: a provider may offer no endpoint for one of the kinds of data its
     * platform is listed with (Pennylane's financial statements); the sync then leaves that kind out.
     */
    default boolean reads(DataType type) {
        return true;
    }

    /**
     * Whether this type can be read incrementally: given {@code modifiedSince}, only what changed is returned and
     * merged into what the previous sync stored. Only scheduled syncs read so; "Refresh now" and the API's refresh
     * read everything, which also removes what the provider deleted.
     */
    default boolean incremental(DataType type) {
        return false;
    }

    /**
     * One read: the access token, the account the grant is for (QuickBooks' realmId, the Xero tenant, a shop), and
     * the start of the previous successful sync for an incremental read.
     */
    record Read(
            Platform platform,
            DataType type,
            String accessToken,
            Optional<String> accountId,
            Optional<Instant> modifiedSince) {

        @Override
        public String toString() {
            return "Read[" + platform.key() + ", " + type + ", account=" + accountId.orElse("-") + ", since="
                    + modifiedSince.map(Instant::toString).orElse("-") + "]";
        }
    }
}
