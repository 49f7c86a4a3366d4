package io.connectionportal.sync;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/**
 * A provider's data API, as the sync reads it: one implementation per provider (the built-in sandbox
 * today), found by {@link ProviderApis}. Authorization is the connector's business; this only sends
 * the access token it is given.
 */
interface ProviderApi {

    /** Whether this client reads the data API of the platform (as the platform is configured now). */
    boolean serves(Platform platform);

    /** Every record of one type. A single object (company info) comes back as a list of one. */
    List<JsonNode> fetch(Platform platform, DataType type, String accessToken) throws ProviderApiException;
}
